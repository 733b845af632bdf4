package load_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// BaseModel stands in for bun.BaseModel.
type BaseModel struct{}

type (
	// BunUser names its table on BaseModel's tag.
	BunUser struct {
		BaseModel `bun:"table:users,alias:u"`

		ID        int64             `bun:"id,pk,autoincrement"`
		Name      string            `bun:"name,notnull"`
		Email     string            `bun:",unique"`
		Org       string            `bun:"org,unique:uq_users_org_login"`
		Login     string            `bun:"login,unique:uq_users_org_login,nullzero"`
		Role      string            `bun:"role,notnull,default:'member'"`
		Settings  map[string]string `bun:"settings"`
		Bio       string            `bun:"bio,type:varchar(500)"`
		CreatedAt time.Time         `bun:",nullzero,notnull,default:current_timestamp,skipupdate"`
		DeletedAt time.Time         `bun:",soft_delete"`
		Posts     []*BunPost        `bun:"rel:has-many,join:id=user_id"`
		Password  string            `bun:"-"`
		secret    string            //lint:ignore U1000 unexported fields are not columns
	}
	// BunPost takes bun's default table name; its pk is not auto-increment.
	BunPost struct {
		ID     int64    `bun:",pk"`
		UserID int64    `bun:"user_id,notnull" db:"user_id"`
		User   *BunUser `bun:"rel:belongs-to,join:user_id=id"`
		Seen   *bool
		Addr   BunAddr `bun:"embed:addr_"`
	}
	// BunAddr is embedded with a prefix.
	BunAddr struct {
		City string
	}
)

func TestLoadBun(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{BunUser{}, &BunPost{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	str := model.Type{Logical: model.LogicalString}
	big := model.Type{Logical: model.LogicalBigInt}
	ts := model.Type{Logical: model.LogicalTimestamp}
	want := []model.Table{
		{
			Name: "users",
			Columns: []model.Column{
				{Name: "id", Type: big, AutoIncrement: true},
				{Name: "name", Type: str},
				{Name: "email", Type: str, Nullable: true},
				{Name: "org", Type: str, Nullable: true},
				{Name: "login", Type: str, Nullable: true},
				{Name: "role", Type: str, Default: "'member'"},
				{Name: "settings", Type: model.Type{Logical: model.LogicalJSON}, Nullable: true},
				{Name: "bio", Type: model.Type{SQL: "varchar(500)"}, Nullable: true},
				{Name: "created_at", Type: ts, Default: "current_timestamp"},
				{Name: "deleted_at", Type: ts, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}},
			Uniques: []model.Unique{
				{Name: "uq_users_email", Columns: []string{"email"}},
				{Name: "uq_users_org_login", Columns: []string{"org", "login"}},
			},
		},
		{
			Name: "bun_posts",
			Columns: []model.Column{
				{Name: "id", Type: big},
				{Name: "user_id", Type: big},
				{Name: "seen", Type: model.Type{Logical: model.LogicalBool}, Nullable: true},
				{Name: "addr_city", Type: str, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_bun_posts", Columns: []string{"id"}},
			// rel:belongs-to writes the key bun's WithForeignKeys creates.
			ForeignKeys: []model.ForeignKey{
				{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: model.NoActionWritten, OnUpdate: model.NoActionWritten},
			},
		},
	}
	if diff := cmp.Diff(want, s.Tables); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

type (
	MixGORMBun struct {
		ID   int64  `gorm:"primaryKey"`
		Name string `bun:"name"`
	}
	MixDBGORM struct {
		ID   int64  `db:"id,pk"`
		Name string `gorm:"size:10"`
	}
	MixBoth struct {
		ID int64 `gorm:"primaryKey" bun:"id,pk"`
	}
	MixModelDB struct {
		Model
		Name string `db:"name"`
	}
	GormUnknown struct {
		ID    int64
		Email string `gorm:"uniqeIndex"`
		Nick  string `gorm:"size:10;not nul"`
		Note  string `gorm:"nullable"`
	}
	GormBadFK struct {
		ID        int64
		Owner     Category `gorm:"foreignKey:OwnerRef"`
		OwnerRef2 int32
	}
	GormNoFK struct {
		ID    int64 `gorm:"primaryKey"`
		Items []GormItem
	}
	GormItem struct {
		ID    int64 `gorm:"primaryKey"`
		Owner int64
	}
	GormBadHasMany struct {
		ID    int64
		Items []GormItem `gorm:"foreignKey:OwnerID"`
	}
	GormDBDisagree struct {
		ID   int64
		Name string `gorm:"column:full_name" db:"name"`
		Nick string `gorm:"size:5" db:"nick,notnull"`
	}
	GormMany2Many struct {
		ID   int64
		Tags []GormItem `gorm:"many2many:user_tags"`
	}
	GormBadIndex struct {
		ID   int64
		Name string `gorm:"index:,sort:up"`
		Code string `gorm:"index:,prio:1"`
	}
	GormNoType struct {
		ID   int64 `gorm:"primaryKey"`
		Tags []string
	}
	BunUnknown struct {
		ID   int64  `bun:"id,pk,autoincrment"`
		Name string `bun:"name,nullable"`
	}
	BunBadTable struct {
		BaseModel `bun:"table:things,alais:t"`
		ID        int64 `bun:",pk"`
	}
)

// TestDBMixinsNamedLikeORMBases: a db mixin named Model with gorm.Model's
// fields, or named BaseModel with fields, keeps the struct a db model.
func TestDBMixinsNamedLikeORMBases(t *testing.T) {
	t.Parallel()
	type Model struct {
		ID        int64      `db:"id,pk"`
		CreatedAt time.Time  `db:"created_at"`
		UpdatedAt time.Time  `db:"updated_at"`
		DeletedAt *time.Time `db:"deleted_at"`
	}
	type BaseModel struct {
		Extra string
	}
	type DBMixins struct {
		Model
		BaseModel
		Name string `db:"name"`
	}
	s, err := load.Models([]any{DBMixins{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range s.Tables[0].Columns {
		cols = append(cols, c.Name)
	}
	want := []string{"id", "created_at", "updated_at", "deleted_at", "extra", "name"}
	if diff := cmp.Diff(want, cols); diff != "" || s.Tables[0].Name != "db_mixins" {
		t.Errorf("table %s (-want +got)\n%s", s.Tables[0].Name, diff)
	}
}

// TestUntaggedFamily: LoadOptions.Family reads untagged structs.
func TestUntaggedFamily(t *testing.T) {
	t.Parallel()
	type Invoice struct {
		ID    uint
		Total int64
	}
	s, err := load.Models([]any{Invoice{}}, load.Options{Family: model.FamilyGORM})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Table{
		Name: "invoices",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}, AutoIncrement: true},
			{Name: "total", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
		},
		PrimaryKey: model.PrimaryKey{Name: "pk_invoices", Columns: []string{"id"}},
	}
	if diff := cmp.Diff(want, s.Tables[0]); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestLoadFamilyErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		models []any
		want   []string
	}{
		{"gorm and bun fields", []any{MixGORMBun{}}, []string{
			`load_test.MixGORMBun.Name: mixed tag families: Name has a bun tag but ID has a gorm tag; a model uses one of db, gorm and bun (a db tag may sit next to a gorm or bun tag on the same field)`,
		}},
		{"db and gorm fields", []any{MixDBGORM{}}, []string{
			`load_test.MixDBGORM.Name: mixed tag families: Name has a gorm tag but ID has a db tag; a model uses one of db, gorm and bun (a db tag may sit next to a gorm or bun tag on the same field)`,
		}},
		{"gorm and bun on one field", []any{MixBoth{}}, []string{
			`load_test.MixBoth.ID: mixed tag families: ID has both a gorm and a bun tag`,
		}},
		{"db field beside gorm.Model", []any{MixModelDB{}}, []string{
			`load_test.MixModelDB.Name: mixed tag families: Name has a db tag but Model has gorm.Model; a model uses one of db, gorm and bun (a db tag may sit next to a gorm or bun tag on the same field)`,
		}},
		{"bad foreignKey target", []any{Category{}, GormBadFK{}}, []string{
			`load_test.GormBadFK.Owner: unknown column: foreignKey:OwnerRef names no field of load_test.GormBadFK (belongs to) or load_test.Category (has one)`,
		}},
		{"belongs-to a struct that is not a model", []any{BelongsOnly{}}, []string{
			`load_test.BelongsOnly.Category: relation target is not a model: load_test.Category (belongs-to Category); list it among the models (AutoMigrate would create its table) or write constraint:-`,
		}},
		{"has-many without a foreign key field", []any{GormNoFK{}, GormItem{}}, []string{
			`load_test.GormNoFK.Items: unknown column: relation Items (has many): load_test.GormItem has no field GormNoFKID; name the foreign key field with foreignKey:FIELD`,
		}},
		{"has-many foreignKey names no field", []any{GormBadHasMany{}, GormItem{}}, []string{
			`load_test.GormBadHasMany.Items: unknown column: foreignKey:OwnerID names no field of load_test.GormItem (has many); did you mean "Owner"?`,
		}},
		{"db tag beside gorm", []any{GormDBDisagree{}}, []string{
			`load_test.GormDBDisagree.Name: bad tag: db name "name" differs from the gorm column "full_name"; the two must agree`,
			`load_test.GormDBDisagree.Nick: bad tag: a db tag next to a gorm tag may only name the column (db:"nick"); the gorm tag gives the schema`,
		}},
		{"many2many", []any{GormMany2Many{}}, []string{
			`load_test.GormMany2Many.Tags: relation target is not a model: load_test.GormItem (many2many Tags); list it among the models (AutoMigrate would create its table)`,
		}},
		{"bad index settings", []any{GormBadIndex{}}, []string{
			`load_test.GormBadIndex.Name: bad tag: index:,sort:up: sort:up: want asc or desc`,
		}},
		{"no type", []any{GormNoType{}}, []string{
			`load_test.GormNoType.Tags: no column type for Go type []string: add serializer:json, or type: with an SQL type, or skip the field with gorm:"-"`,
		}},
		{"unknown bun options", []any{BunUnknown{}, BunBadTable{}}, []string{
			`load_test.BunUnknown.ID: unknown tag option "autoincrment"; did you mean "autoincrement"?`,
			`load_test.BunUnknown.Name: unknown tag option "nullable"; bun columns allow NULL unless tagged notnull or pk`,
			`load_test.BunBadTable.BaseModel: unknown tag option "alais"; did you mean "alias"?`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := load.Models(tt.models, load.Options{})
			if err == nil {
				t.Fatalf("no error; schema %+v", s)
			}
			if diff := cmp.Diff(tt.want, messages(t, err)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
