package load_test

import (
	"database/sql"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// TimestampMixin is embedded by several test models.
type TimestampMixin struct {
	CreatedAt time.Time `db:"created_at,default=CURRENT_TIMESTAMP"`
	UpdatedAt time.Time `db:"updated_at,default=CURRENT_TIMESTAMP,onupdate=CURRENT_TIMESTAMP"`
}

// SoftDelete is embedded inside another mixin.
type SoftDelete struct {
	DeletedAt *time.Time
}

// AuditMixin embeds a mixin itself (two levels deep).
type AuditMixin struct {
	TimestampMixin
	SoftDelete
	UpdatedBy string `db:",null"`
}

type User struct {
	ID        int64   `db:"id,pk"`
	Email     string  `db:"email,type=varchar(255),unique"`
	Name      *string `db:"name,type=varchar(100)"`
	Balance   float64 `db:"balance,type=numeric(10,2),default=0"`
	Role      string  `db:"role,default='user',index"`
	TeamID    int64   `db:"team_id,fk=teams.id,ondelete=cascade,index"`
	CreatedAt time.Time
	Scratch   string `db:"-"`
	secret    string //lint:ignore U1000 unexported fields are not columns
}

func (User) TableName() string { return "users" }

type Team struct {
	ID   int32 `db:",pk"`
	Name string
	TimestampMixin
}

// PtrNamed names its table on the pointer receiver.
type PtrNamed struct {
	Code string `db:"code,pk"`
}

func (*PtrNamed) TableName() string { return "ptr_named" }

// QualifiedNamed names its table with a schema.
type QualifiedNamed struct {
	ID int64 `db:"id,pk"`
}

func (QualifiedNamed) TableName() string { return "audit.events" }

type Post struct {
	ID    int64 `db:"id,pk"`
	Title string
	AuditMixin
	Skipped TimestampMixin `db:"-"`
}

type SkipMixin struct {
	ID             int64 `db:"id,pk"`
	TimestampMixin `db:"-"`
}

type (
	Status    string
	Level     int16
	UUID      [16]byte
	Blob      []byte
	Identifer uint64
)

type AllTypes struct {
	ID       int64            `db:"id,pk,noautoincrement"`
	Bool     bool             `db:"bool"`
	I8       int8             `db:"i8"`
	I16      int16            `db:"i16"`
	U8       uint8            `db:"u8"`
	I32      int32            `db:"i32"`
	U16      uint16           `db:"u16"`
	Int      int              `db:"int"`
	I64      int64            `db:"i64"`
	U32      uint32           `db:"u32"`
	Uint     uint             `db:"uint"`
	U64      uint64           `db:"u64"`
	F32      float32          `db:"f32"`
	F64      float64          `db:"f64"`
	Str      string           `db:"str"`
	Bytes    []byte           `db:"bytes"`
	Time     time.Time        `db:"time"`
	Raw      json.RawMessage  `db:"raw"`
	UUID     UUID             `db:"uuid"`
	Arr16    [16]byte         `db:"arr16"`
	Status   Status           `db:"status"`
	Level    Level            `db:"level"`
	Blob     Blob             `db:"blob"`
	Ident    Identifer        `db:"ident"`
	Duration time.Duration    `db:"duration"`
	PtrInt   *int64           `db:"ptr_int"`
	PtrPtr   **string         `db:"ptr_ptr"`
	PtrTime  *time.Time       `db:"ptr_time"`
	NStr     sql.NullString   `db:"n_str"`
	NI64     sql.NullInt64    `db:"n_i64"`
	NI32     sql.NullInt32    `db:"n_i32"`
	NI16     sql.NullInt16    `db:"n_i16"`
	NByte    sql.NullByte     `db:"n_byte"`
	NF64     sql.NullFloat64  `db:"n_f64"`
	NBool    sql.NullBool     `db:"n_bool"`
	NTime    sql.NullTime     `db:"n_time"`
	NGen     sql.Null[int32]  `db:"n_gen"`
	NGenStat sql.Null[Status] `db:"n_gen_stat"`
	Map      map[string]any   `db:"map,type=jsonb"`
	Tags     []string         `db:"tags,type=text[]"`
	Struct   struct{ A int }  `db:"struct,type=json"`
	Nullable string           `db:"nullable,null"`
	NotNull  *string          `db:"not_null,notnull"`
}

type Options struct {
	ID      int32     `db:"id,pk,autoincrement"`
	Code    string    `db:"code,size=12,comment='the ''code'', 2 words'"`
	Note    *string   `db:"note,notnull,default='a,b'"`
	Opt     string    `db:"opt,null,check=(length(opt) > 2 AND opt <> 'x, y'),collate=utf8mb4_bin,charset=utf8mb4"`
	Score   int       `db:"score,unsigned,default=0"`
	Total   int64     `db:"total,generated=(score * 2),stored"`
	Virt    int64     `db:"virt,generated=score + 1"`
	State   string    `db:"state,enum=state(active,'banned')"`
	State2  string    `db:"state2,enum=state,default='active'"`
	NewName string    `db:"new_name,renamed_from=old_name"`
	Search  string    `db:"search,index,index_where=(deleted IS NULL),index_method=GIN"`
	Upd     time.Time `db:"upd,onupdate=CURRENT_TIMESTAMP"`
	Price   float64   `db:"price,type=numeric(10,2)"`
	Ref     int64     `db:"ref,fk=billing.accounts.id,ondelete=set null,onupdate=set_default"`
	Other   int64     `db:"other,fk=others.id,ondelete=restrict,onupdate=no action"`
}

type Identities struct {
	ID     int64 `db:"id,pk,identity"`
	Always int64 `db:"always,identity=always"`
}

type TextKey struct {
	Code string `db:"code,pk"`
}

type IntKeyWithDefault struct {
	ID int64 `db:"id,pk,default=0"`
}

type Membership struct {
	UserID int64     `db:",pk,fk=users.id,ondelete=cascade"`
	TeamID int64     `db:",pk,fk=teams.id"`
	Role   string    `db:",unique=uq_membership_role_since,index=ix_membership_role_since"`
	Since  time.Time `db:",unique=uq_membership_role_since,index=ix_membership_role_since"`
	Note   string    `db:",index=ix_membership_note_where,index_where=note <> ''"`
}

type Account struct {
	_ struct{} `db:",table=accounts,schema=billing,comment='Customer''s accounts',option=ENGINE=InnoDB,option=CHARSET=utf8mb4"`
	_ struct{} `db:",index=ix_accounts_lower_email(lower(email)) where (deleted_at IS NULL) using gin include (id),uindex=ux_accounts_org_email(org_id, email DESC),unique=(org_id, name),check=ck_accounts_positive(balance >= 0),index=(org_id,name),unique=uq_named(email)"`

	ID        int64 `db:"id,pk,identity=always"`
	OrgID     int64
	Email     string
	Name      string
	Balance   int64
	DeletedAt *time.Time
}

// Node embeds a pointer to itself; the cycle is flattened once.
type Node struct {
	ID int64 `db:"id,pk"`
	*Node
}

type SQLTypedKeys struct {
	ID int64 `db:"id,pk,type=BIGINT"`
}

type UUIDKey struct {
	ID [16]byte `db:"id,pk,type=uuid"`
}

type PtrKey struct {
	ID *int64 `db:"id,pk"`
}

// MemberNote references Membership's composite key.
type MemberNote struct {
	_      struct{} `db:",fk=(user_id, team_id) references membership(user_id, team_id) ondelete cascade"`
	ID     int64    `db:"id,pk"`
	UserID int64
	TeamID int64
}

// Generic models are named by their type without type arguments.
type Box[T any] struct {
	ID    int64 `db:"id,pk"`
	Value T
}

func str(l model.Logical) model.Type { return model.Type{Logical: l} }

func TestLoad(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		model any
		want  model.Table
	}{
		{
			name:  "design example",
			model: User{},
			want: model.Table{
				Name: "users",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true},
					{Name: "email", Type: model.Type{SQL: "varchar(255)"}},
					{Name: "name", Type: model.Type{SQL: "varchar(100)"}, Nullable: true},
					{Name: "balance", Type: model.Type{SQL: "numeric(10,2)"}, Default: "0"},
					{Name: "role", Type: str(model.LogicalString), Default: "'user'"},
					{Name: "team_id", Type: str(model.LogicalBigInt)},
					{Name: "created_at", Type: str(model.LogicalTimestamp)},
				},
				PrimaryKey:  model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}},
				Indexes:     []model.Index{{Name: "ix_users_role", Parts: []model.IndexPart{{Column: "role"}}}, {Name: "ix_users_team_id", Parts: []model.IndexPart{{Column: "team_id"}}}},
				Uniques:     []model.Unique{{Name: "uq_users_email", Columns: []string{"email"}}},
				ForeignKeys: []model.ForeignKey{{Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
			},
		},
		{
			name:  "pointer model, snake_case table name, embedded mixin",
			model: &Team{},
			want: model.Table{
				Name: "team",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalInt), AutoIncrement: true},
					{Name: "name", Type: str(model.LogicalString)},
					{Name: "created_at", Type: str(model.LogicalTimestamp), Default: "CURRENT_TIMESTAMP"},
					{Name: "updated_at", Type: str(model.LogicalTimestamp), Default: "CURRENT_TIMESTAMP", OnUpdate: "CURRENT_TIMESTAMP"},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_team", Columns: []string{"id"}},
			},
		},
		{
			name:  "TableName on pointer receiver",
			model: PtrNamed{},
			want: model.Table{
				Name:       "ptr_named",
				Columns:    []model.Column{{Name: "code", Type: str(model.LogicalString)}},
				PrimaryKey: model.PrimaryKey{Name: "pk_ptr_named", Columns: []string{"code"}},
			},
		},
		{
			name:  "TableName with a schema",
			model: QualifiedNamed{},
			want: model.Table{
				Schema:     "audit",
				Name:       "events",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true}},
				PrimaryKey: model.PrimaryKey{Name: "pk_events", Columns: []string{"id"}},
			},
		},
		{
			name:  "nested mixins flattened in place, skipped struct field",
			model: Post{},
			want: model.Table{
				Name: "post",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true},
					{Name: "title", Type: str(model.LogicalString)},
					{Name: "created_at", Type: str(model.LogicalTimestamp), Default: "CURRENT_TIMESTAMP"},
					{Name: "updated_at", Type: str(model.LogicalTimestamp), Default: "CURRENT_TIMESTAMP", OnUpdate: "CURRENT_TIMESTAMP"},
					{Name: "deleted_at", Type: str(model.LogicalTimestamp), Nullable: true},
					{Name: "updated_by", Type: str(model.LogicalString), Nullable: true},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_post", Columns: []string{"id"}},
			},
		},
		{
			name:  "embedded mixin tagged -",
			model: SkipMixin{},
			want: model.Table{
				Name:       "skip_mixin",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true}},
				PrimaryKey: model.PrimaryKey{Name: "pk_skip_mixin", Columns: []string{"id"}},
			},
		},
		{
			name:  "every Go type",
			model: AllTypes{},
			want: model.Table{
				Name: "all_types",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalBigInt)},
					{Name: "bool", Type: str(model.LogicalBool)},
					{Name: "i8", Type: str(model.LogicalSmallInt)},
					{Name: "i16", Type: str(model.LogicalSmallInt)},
					{Name: "u8", Type: model.Type{Logical: model.LogicalSmallInt, Unsigned: true}},
					{Name: "i32", Type: str(model.LogicalInt)},
					{Name: "u16", Type: model.Type{Logical: model.LogicalInt, Unsigned: true}},
					{Name: "int", Type: str(model.LogicalBigInt)},
					{Name: "i64", Type: str(model.LogicalBigInt)},
					{Name: "u32", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}},
					{Name: "uint", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}},
					{Name: "u64", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}},
					{Name: "f32", Type: str(model.LogicalReal)},
					{Name: "f64", Type: str(model.LogicalDouble)},
					{Name: "str", Type: str(model.LogicalString)},
					{Name: "bytes", Type: str(model.LogicalBytes)},
					{Name: "time", Type: str(model.LogicalTimestamp)},
					{Name: "raw", Type: str(model.LogicalJSON)},
					{Name: "uuid", Type: str(model.LogicalUUID)},
					{Name: "arr16", Type: str(model.LogicalUUID)},
					{Name: "status", Type: str(model.LogicalString)},
					{Name: "level", Type: str(model.LogicalSmallInt)},
					{Name: "blob", Type: str(model.LogicalBytes)},
					{Name: "ident", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}},
					{Name: "duration", Type: str(model.LogicalBigInt)},
					{Name: "ptr_int", Type: str(model.LogicalBigInt), Nullable: true},
					{Name: "ptr_ptr", Type: str(model.LogicalString), Nullable: true},
					{Name: "ptr_time", Type: str(model.LogicalTimestamp), Nullable: true},
					{Name: "n_str", Type: str(model.LogicalString), Nullable: true},
					{Name: "n_i64", Type: str(model.LogicalBigInt), Nullable: true},
					{Name: "n_i32", Type: str(model.LogicalInt), Nullable: true},
					{Name: "n_i16", Type: str(model.LogicalSmallInt), Nullable: true},
					{Name: "n_byte", Type: str(model.LogicalSmallInt), Nullable: true},
					{Name: "n_f64", Type: str(model.LogicalDouble), Nullable: true},
					{Name: "n_bool", Type: str(model.LogicalBool), Nullable: true},
					{Name: "n_time", Type: str(model.LogicalTimestamp), Nullable: true},
					{Name: "n_gen", Type: str(model.LogicalInt), Nullable: true},
					{Name: "n_gen_stat", Type: str(model.LogicalString), Nullable: true},
					{Name: "map", Type: model.Type{SQL: "jsonb"}},
					{Name: "tags", Type: model.Type{SQL: "text[]"}},
					{Name: "struct", Type: model.Type{SQL: "json"}},
					{Name: "nullable", Type: str(model.LogicalString), Nullable: true},
					{Name: "not_null", Type: str(model.LogicalString)},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_all_types", Columns: []string{"id"}},
			},
		},
		{
			name:  "every column option",
			model: Options{},
			want: model.Table{
				Name: "options",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalInt), AutoIncrement: true},
					{Name: "code", Type: model.Type{Logical: model.LogicalString, Size: 12}, Comment: "the 'code', 2 words"},
					{Name: "note", Type: str(model.LogicalString), Default: "'a,b'"},
					{Name: "opt", Type: str(model.LogicalString), Nullable: true, Collation: "utf8mb4_bin", Charset: "utf8mb4"},
					{Name: "score", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}, Default: "0"},
					{Name: "total", Type: str(model.LogicalBigInt), Generated: model.Generated{Expr: "score * 2", Stored: true}},
					{Name: "virt", Type: str(model.LogicalBigInt), Generated: model.Generated{Expr: "score + 1"}},
					{Name: "state", Type: model.Type{Enum: "state", EnumValues: []string{"active", "banned"}}},
					{Name: "state2", Type: model.Type{Enum: "state", EnumValues: []string{"active", "banned"}}, Default: "'active'"},
					{Name: "new_name", Type: str(model.LogicalString), RenamedFrom: "old_name"},
					{Name: "search", Type: str(model.LogicalString)},
					{Name: "upd", Type: str(model.LogicalTimestamp), OnUpdate: "CURRENT_TIMESTAMP"},
					{Name: "price", Type: model.Type{SQL: "numeric(10,2)"}},
					{Name: "ref", Type: str(model.LogicalBigInt)},
					{Name: "other", Type: str(model.LogicalBigInt)},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_options", Columns: []string{"id"}},
				Indexes: []model.Index{
					{Name: "ix_options_search", Parts: []model.IndexPart{{Column: "search"}}, Where: "deleted IS NULL", Method: "gin"},
				},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_options_other_others", Columns: []string{"other"}, RefTable: "others", RefColumns: []string{"id"}, OnDelete: model.Restrict, OnUpdate: model.NoActionWritten},
					{Name: "fk_options_ref_accounts", Columns: []string{"ref"}, RefSchema: "billing", RefTable: "accounts", RefColumns: []string{"id"}, OnDelete: model.SetNull, OnUpdate: model.SetDefault},
				},
				Checks: []model.Check{{Name: "ck_options_opt", Expr: "length(opt) > 2 AND opt <> 'x, y'"}},
			},
		},
		{
			name:  "identity",
			model: Identities{},
			want: model.Table{
				Name: "identities",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalBigInt), Identity: model.IdentityByDefault},
					{Name: "always", Type: str(model.LogicalBigInt), Identity: model.IdentityAlways},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_identities", Columns: []string{"id"}},
			},
		},
		{
			name:  "text primary key is not auto-increment",
			model: TextKey{},
			want: model.Table{
				Name:       "text_key",
				Columns:    []model.Column{{Name: "code", Type: str(model.LogicalString)}},
				PrimaryKey: model.PrimaryKey{Name: "pk_text_key", Columns: []string{"code"}},
			},
		},
		{
			name:  "integer primary key with a default is not auto-increment",
			model: IntKeyWithDefault{},
			want: model.Table{
				Name:       "int_key_with_default",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), Default: "0"}},
				PrimaryKey: model.PrimaryKey{Name: "pk_int_key_with_default", Columns: []string{"id"}},
			},
		},
		{
			name:  "composite primary key, unique and index",
			model: Membership{},
			want: model.Table{
				Name: "membership",
				Columns: []model.Column{
					{Name: "user_id", Type: str(model.LogicalBigInt)},
					{Name: "team_id", Type: str(model.LogicalBigInt)},
					{Name: "role", Type: str(model.LogicalString)},
					{Name: "since", Type: str(model.LogicalTimestamp)},
					{Name: "note", Type: str(model.LogicalString)},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_membership", Columns: []string{"user_id", "team_id"}},
				Indexes: []model.Index{
					{Name: "ix_membership_note_where", Parts: []model.IndexPart{{Column: "note"}}, Where: "note <> ''"},
					{Name: "ix_membership_role_since", Parts: []model.IndexPart{{Column: "role"}, {Column: "since"}}},
				},
				Uniques: []model.Unique{{Name: "uq_membership_role_since", Columns: []string{"role", "since"}}},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_membership_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}},
					{Name: "fk_membership_user_id_users", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: model.Cascade},
				},
			},
		},
		{
			name:  "table-level options",
			model: Account{},
			want: model.Table{
				Schema: "billing",
				Name:   "accounts",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalBigInt), Identity: model.IdentityAlways},
					{Name: "org_id", Type: str(model.LogicalBigInt)},
					{Name: "email", Type: str(model.LogicalString)},
					{Name: "name", Type: str(model.LogicalString)},
					{Name: "balance", Type: str(model.LogicalBigInt)},
					{Name: "deleted_at", Type: str(model.LogicalTimestamp), Nullable: true},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_accounts", Columns: []string{"id"}},
				Indexes: []model.Index{
					{Name: "ix_accounts_lower_email", Parts: []model.IndexPart{{Expr: "lower(email)"}}, Where: "deleted_at IS NULL", Method: "gin", Include: []string{"id"}},
					{Name: "ix_accounts_org_id_name", Parts: []model.IndexPart{{Column: "org_id"}, {Column: "name"}}},
					{Name: "ux_accounts_org_email", Unique: true, Parts: []model.IndexPart{{Column: "org_id"}, {Column: "email", Desc: true}}},
				},
				Uniques: []model.Unique{
					{Name: "uq_accounts_org_id_name", Columns: []string{"org_id", "name"}},
					{Name: "uq_named", Columns: []string{"email"}},
				},
				Checks:  []model.Check{{Name: "ck_accounts_positive", Expr: "balance >= 0"}},
				Comment: "Customer's accounts",
				Options: []model.TableOption{{Name: "CHARSET", Value: "utf8mb4"}, {Name: "ENGINE", Value: "InnoDB"}},
			},
		},
		{
			name:  "table-level composite foreign key",
			model: MemberNote{},
			want: model.Table{
				Name: "member_note",
				Columns: []model.Column{
					{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true},
					{Name: "user_id", Type: str(model.LogicalBigInt)},
					{Name: "team_id", Type: str(model.LogicalBigInt)},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_member_note", Columns: []string{"id"}},
				ForeignKeys: []model.ForeignKey{{
					Name: "fk_member_note_user_id_team_id_membership", Columns: []string{"user_id", "team_id"},
					RefTable: "membership", RefColumns: []string{"user_id", "team_id"}, OnDelete: model.Cascade,
				}},
			},
		},
		{
			name:  "generic model",
			model: Box[string]{},
			want: model.Table{
				Name:       "box",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true}, {Name: "value", Type: str(model.LogicalString)}},
				PrimaryKey: model.PrimaryKey{Name: "pk_box", Columns: []string{"id"}},
			},
		},
		{
			name:  "embedded pointer cycle",
			model: Node{},
			want: model.Table{
				Name:       "node",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true}},
				PrimaryKey: model.PrimaryKey{Name: "pk_node", Columns: []string{"id"}},
			},
		},
		{
			name:  "nil pointer model",
			model: (*PtrNamed)(nil),
			want: model.Table{
				Name:       "ptr_named",
				Columns:    []model.Column{{Name: "code", Type: str(model.LogicalString)}},
				PrimaryKey: model.PrimaryKey{Name: "pk_ptr_named", Columns: []string{"code"}},
			},
		},
		{
			name:  "integer pk given as SQL is auto-increment",
			model: SQLTypedKeys{},
			want: model.Table{
				Name:       "sql_typed_keys",
				Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "BIGINT"}, AutoIncrement: true}},
				PrimaryKey: model.PrimaryKey{Name: "pk_sql_typed_keys", Columns: []string{"id"}},
			},
		},
		{
			name:  "uuid pk is not auto-increment",
			model: UUIDKey{},
			want: model.Table{
				Name:       "uuid_key",
				Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "uuid"}}},
				PrimaryKey: model.PrimaryKey{Name: "pk_uuid_key", Columns: []string{"id"}},
			},
		},
		{
			name:  "pointer pk is NOT NULL",
			model: PtrKey{},
			want: model.Table{
				Name:       "ptr_key",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true}},
				PrimaryKey: model.PrimaryKey{Name: "pk_ptr_key", Columns: []string{"id"}},
			},
		},
		{
			name: "anonymous struct with table=",
			model: struct {
				_    struct{} `db:",table=anon"`
				Name string   `db:"name"`
			}{},
			want: model.Table{
				Name:    "anon",
				Columns: []model.Column{{Name: "name", Type: str(model.LogicalString)}},
			},
		},
		{
			name:  "column-level check",
			model: Stock{},
			want: model.Table{
				Name:       "stock",
				Columns:    []model.Column{{Name: "id", Type: str(model.LogicalBigInt), AutoIncrement: true}, {Name: "qty", Type: model.Type{SQL: "int"}, Nullable: true}},
				PrimaryKey: model.PrimaryKey{Name: "pk_stock", Columns: []string{"id"}},
				Checks:     []model.Check{{Name: "qty", Expr: "qty >= 0", Column: "qty"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := load.Models([]any{tt.model}, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Tables) != 1 {
				t.Fatalf("got %d tables, want 1", len(s.Tables))
			}
			if diff := cmp.Diff(tt.want, s.Tables[0]); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// Stock has a column-level check (column_check=).
type Stock struct {
	ID  int64 `db:"id,pk"`
	Qty *int  `db:"qty,type=int,column_check=(qty >= 0)"`
}

func (Stock) TableName() string { return "stock" }

type EnumA struct {
	ID    int64  `db:"id,pk"`
	Mood  string `db:"mood,enum=mood(happy,sad)"`
	Kind  string `db:"kind,enum=app.kind('a','b')"`
	Mood2 string `db:"mood2,enum=mood"`
}

type EnumB struct {
	ID   int64  `db:"id,pk"`
	Mood string `db:"mood,enum=mood(happy,sad)"`
	Use  string `db:"use,enum=later"`
}

type EnumC struct {
	ID    int64  `db:"id,pk"`
	Later string `db:"later,enum=later(x)"`
}

func TestLoadSchema(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{EnumA{}, &EnumB{}, EnumC{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range s.Tables {
		names = append(names, tb.QualifiedName())
	}
	if diff := cmp.Diff([]string{"enum_a", "enum_b", "enum_c"}, names); diff != "" {
		t.Errorf("table order (-want +got)\n%s", diff)
	}
	wantEnums := []model.Enum{
		{Name: "mood", Values: []string{"happy", "sad"}},
		{Schema: "app", Name: "kind", Values: []string{"a", "b"}},
		{Name: "later", Values: []string{"x"}},
	}
	if diff := cmp.Diff(wantEnums, s.Enums); diff != "" {
		t.Errorf("enums (-want +got)\n%s", diff)
	}
	b, _ := s.Table("", "enum_b")
	use, _ := b.Column("use")
	if diff := cmp.Diff(model.Type{Enum: "later", EnumValues: []string{"x"}}, use.Type); diff != "" {
		t.Errorf("enum declared by a later model (-want +got)\n%s", diff)
	}
}

func BenchmarkLoad(b *testing.B) {
	models := []any{User{}, Team{}, Post{}, AllTypes{}, Options{}, Membership{}, Account{}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load.Models(models, load.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
