package roundtrip

import (
	"database/sql"
	"encoding/json"
	"time"
)

// Stamps is a mixin embedded by several models.
type Stamps struct {
	CreatedAt time.Time  `db:"created_at,default=CURRENT_TIMESTAMP"`
	UpdatedAt *time.Time `db:"updated_at"`
}

// Org is referenced by Member.
type Org struct {
	_      struct{} `db:",index=ix_orgs_name_slug(name,slug)"`
	ID     int64    `db:"id,pk"`
	Name   string   `db:"name,type=varchar(120)"`
	Slug   string   `db:"slug,size=60,unique"`
	Active bool     `db:"active,default=true"`
	Stamps
}

func (Org) TableName() string { return "orgs" }

// Member covers nullable columns, defaults, checks, an FK with actions and
// single-column indexes.
type Member struct {
	ID       int64           `db:"id,pk"`
	OrgID    int64           `db:"org_id,fk=orgs.id,ondelete=cascade,index"`
	Email    string          `db:"email,type=varchar(255),unique"`
	Nick     sql.NullString  `db:"nick,type=varchar(40)"`
	Age      int32           `db:"age,default=0,check=(age >= 0)"`
	Score    float64         `db:"score,default=0"`
	Balance  float64         `db:"balance,type=numeric(10,2),default=0"`
	Role     string          `db:"role,type=varchar(20),default='member',index"`
	Avatar   []byte          `db:"avatar,null"`
	Settings json.RawMessage `db:"settings,null"`
	Stamps
}

func (Member) TableName() string { return "members" }

// Membership has a composite primary key and two FKs, one to itself.
type Membership struct {
	_        struct{}  `db:",unique=uq_memberships_member_role(member_id,role)"`
	OrgID    int64     `db:"org_id,pk,fk=orgs.id,ondelete=cascade"`
	MemberID int64     `db:"member_id,pk,fk=members.id,ondelete=cascade"`
	Role     string    `db:"role,type=varchar(20)"`
	Since    time.Time `db:"since"`
}

func (Membership) TableName() string { return "memberships" }

// Tree references itself.
type Tree struct {
	ID       int64  `db:"id,pk"`
	ParentID *int64 `db:"parent_id,fk=trees.id,ondelete=set null"`
	Label    string `db:"label,type=varchar(50),default=''"`
}

func (Tree) TableName() string { return "trees" }

// common are the models every dialect must round-trip.
var common = []any{Org{}, Member{}, Membership{}, Tree{}}

// Ticket uses what SQLite and PostgreSQL have and MySQL lacks: a partial index.
type Ticket struct {
	_        struct{}   `db:",index=ix_tickets_open(state) where (closed_at IS NULL)"`
	ID       int64      `db:"id,pk"`
	State    string     `db:"state,type=varchar(10),default='open'"`
	ClosedAt *time.Time `db:"closed_at"`
}

func (Ticket) TableName() string { return "tickets" }

// Doc uses PostgreSQL's own types, an enum, identity, a GIN index and comments.
type Doc struct {
	_     struct{}        `db:",comment='documents',index=ix_docs_body(body) using gin"`
	ID    int64           `db:"id,pk,identity=always"`
	Body  json.RawMessage `db:"body,type=jsonb"`
	Tags  []string        `db:"tags,type=text[],null"`
	Mood  string          `db:"mood,enum=mood(sad,ok,happy),default='ok'"`
	Key   [16]byte        `db:"key,unique"`
	Note  string          `db:"note,type=text,comment='free text'"`
	Taken time.Time       `db:"taken,type=timestamp(3) without time zone"`
}

func (Doc) TableName() string { return "docs" }

// Product uses MySQL's own: unsigned, ON UPDATE, charset, a prefix index.
type Product struct {
	_         struct{}  `db:",index=ix_products_title(title(50))"`
	ID        uint64    `db:"id,pk"`
	Title     string    `db:"title,type=varchar(300)"`
	Stock     uint32    `db:"stock,default=0"`
	Kind      string    `db:"kind,enum=kind(book,film),default='book'"`
	UpdatedAt time.Time `db:"updated_at,type=timestamp,default=CURRENT_TIMESTAMP,onupdate=CURRENT_TIMESTAMP"`
	Code      string    `db:"code,type=varchar(20),charset=ascii,collate=ascii_bin"`
}

func (Product) TableName() string { return "products" }

// extra are each dialect's own models.
var extra = map[string][]any{
	"sqlite":   {Ticket{}},
	"postgres": {Ticket{}, Doc{}},
	"mysql":    {Product{}},
}
