package load_test

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// DeletedAt has gorm.DeletedAt's shape (sql.NullTime's fields).
type DeletedAt sql.NullTime

// Value makes DeletedAt a driver.Valuer, as gorm.DeletedAt is.
func (d DeletedAt) Value() (driver.Value, error) { return sql.NullTime(d).Value() }

// Model has gorm.Model's shape and tags.
type Model struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

// JSON is gorm.io/datatypes' JSON shape.
type JSON json.RawMessage

type (
	// Customer: gorm.Model, plural name, has many orders.
	Customer struct {
		Model
		Name    string  `gorm:"size:100;not null"`
		Email   string  `gorm:"size:255;uniqueIndex"`
		Age     int     `gorm:"check:age >= 0"`
		Nick    *string `gorm:"column:nickname;comment:shown name"`
		Orders  []CustOrder
		Scratch string `gorm:"-"`
		ReadMe  string `gorm:"->"`
		Skipped string `gorm:"-:migration"`
	}
	// CustOrder belongs to a Customer, and has a composite unique index.
	CustOrder struct {
		ID         int64    `gorm:"primaryKey"`
		CustomerID uint     `gorm:"not null;uniqueIndex:idx_order_number,priority:2"`
		Number     string   `gorm:"size:20;not null;uniqueIndex:idx_order_number,priority:1"`
		Customer   Customer `gorm:"constraint:OnUpdate:CASCADE,OnDelete:SET NULL;"`
		Status     string   `gorm:"default:pending;size:16;index:idx_status_created,sort:desc,where:status <> 'done',type:btree"`
		Total      float64  `gorm:"precision:10;scale:2"`
		Meta       JSON
		Tags       []string  `gorm:"serializer:json"`
		Ship       Address   `gorm:"embedded;embeddedPrefix:ship_"`
		Placed     time.Time `gorm:"index:idx_status_created"`
	}
	// Address is embedded with a prefix.
	Address struct {
		Street string
		City   string `gorm:"size:80"`
	}
	// Category: default name categories, autoIncrement off.
	Category struct {
		Code  int32  `gorm:"primaryKey;autoIncrement:false"`
		Title string `gorm:"unique;type:varchar(40)"`
	}
	// Person: irregular plural; the id field is the key by convention;
	// a db tag beside a gorm tag names the same column.
	Person struct {
		ID        int64
		Name      string `gorm:"column:full_name" db:"full_name"`
		ManagerID *int64
		Manager   *Person
	}
)

func TestLoadGORM(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{Customer{}, CustOrder{}, Category{}, Person{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	str := func(n int) model.Type { return model.Type{Logical: model.LogicalString, Size: n} }
	ts := model.Type{Logical: model.LogicalTimestamp}
	stamps := []model.Column{
		{Name: "id", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}, AutoIncrement: true},
		{Name: "created_at", Type: ts, Nullable: true},
		{Name: "updated_at", Type: ts, Nullable: true},
		{Name: "deleted_at", Type: ts, Nullable: true},
	}
	want := []model.Table{
		{
			Name: "customers",
			Columns: append(append([]model.Column(nil), stamps...),
				model.Column{Name: "name", Type: str(100)},
				model.Column{Name: "email", Type: str(255), Nullable: true},
				model.Column{Name: "age", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
				model.Column{Name: "nickname", Type: str(0), Nullable: true, Comment: "shown name"},
				model.Column{Name: "read_me", Type: str(0), Nullable: true},
			),
			PrimaryKey: model.PrimaryKey{Name: "pk_customers", Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "idx_customers_deleted_at", Parts: []model.IndexPart{{Column: "deleted_at"}}},
				{Name: "idx_customers_email", Unique: true, Parts: []model.IndexPart{{Column: "email"}}},
			},
			Checks: []model.Check{{Name: "chk_customers_age", Expr: "age >= 0"}},
		},
		{
			Name: "cust_orders",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
				{Name: "customer_id", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}},
				{Name: "number", Type: str(20)},
				{Name: "status", Type: str(16), Nullable: true, Default: "'pending'"},
				{Name: "total", Type: model.Type{SQL: "numeric(10,2)"}, Nullable: true},
				{Name: "meta", Type: model.Type{Logical: model.LogicalJSON}, Nullable: true},
				{Name: "tags", Type: model.Type{SQL: "text"}, Nullable: true},
				{Name: "ship_street", Type: str(0), Nullable: true},
				{Name: "ship_city", Type: str(80), Nullable: true},
				{Name: "placed", Type: ts, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_cust_orders", Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "idx_order_number", Unique: true, Parts: []model.IndexPart{{Column: "number"}, {Column: "customer_id"}}},
				{Name: "idx_status_created", Where: "status <> 'done'", Method: "btree", MethodWrittenUnknown: true, Parts: []model.IndexPart{{Column: "status", Desc: true}, {Column: "placed"}}},
			},
			// The has-many on Customer and the belongs-to here describe one
			// key: GORM keeps the has-many's (name, actions of its tag).
			ForeignKeys: []model.ForeignKey{
				{Name: "fk_customers_orders", Columns: []string{"customer_id"}, RefTable: "customers", RefColumns: []string{"id"}},
			},
		},
		{
			Name: "categories",
			Columns: []model.Column{
				{Name: "code", Type: model.Type{Logical: model.LogicalInt}},
				{Name: "title", Type: model.Type{SQL: "varchar(40)"}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_categories", Columns: []string{"code"}},
			Uniques:    []model.Unique{{Name: "uni_categories_title", Columns: []string{"title"}}},
		},
		{
			Name: "people",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
				{Name: "full_name", Type: str(0), Nullable: true},
				{Name: "manager_id", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
			},
			PrimaryKey:  model.PrimaryKey{Name: "pk_people", Columns: []string{"id"}},
			ForeignKeys: []model.ForeignKey{{Name: "fk_people_manager", Columns: []string{"manager_id"}, RefTable: "people", RefColumns: []string{"id"}}},
		},
	}
	if diff := cmp.Diff(want, s.Tables); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// BelongsOnly has only the belongs-to side, so its constraint is kept.
type BelongsOnly struct {
	ID         uint
	CategoryID int32
	Category   Category `gorm:"foreignKey:CategoryID;constraint:OnDelete:CASCADE"`
}

func TestLoadGORMBelongsTo(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{Category{}, BelongsOnly{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := s.Table("", "belongs_onlies")
	want := []model.ForeignKey{{Name: "fk_belongs_onlies_category", Columns: []string{"category_id"}, RefTable: "categories", RefColumns: []string{"code"}, OnDelete: model.Cascade}}
	if diff := cmp.Diff(want, tb.ForeignKeys); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestPlural(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"user": "users", "category": "categories", "person": "people", "sales_person": "sales_people",
		"order_item": "order_items", "address": "addresses", "status": "statuses", "box": "boxes",
		"church": "churches", "wife": "wives", "half": "halves", "leaf": "leafs", "sheep": "sheep", "child": "children",
		"analysis": "analyses", "datum": "data", "mouse": "mice", "index": "indices", "day": "days",
		"quiz": "quizzes", "news": "news", "bus": "buses", "hero": "heros", "information": "information",
	}
	for in, want := range tests {
		if got := load.Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// Money names its GORM data type, as custom types do.
type GMoney struct{ Cents int64 }

// GormDataType is GORM's GormDataTypeInterface.
func (GMoney) GormDataType() string { return "numeric(12,2)" }

// Value makes GMoney a column value.
func (m GMoney) Value() (driver.Value, error) { return m.Cents, nil }

// GDate is datatypes.Date's shape.
type GDate time.Time

// GormDataType names the type.
func (GDate) GormDataType() string { return "date" }

// GFlags says json.
type GFlags map[string]bool

// GormDataType names the type.
func (*GFlags) GormDataType() string { return "json" }

type GormCustom struct {
	ID    uint
	Price GMoney
	Day   GDate
	Flags GFlags
}

func TestLoadGORMDataType(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{GormCustom{}}, load.Options{Family: model.FamilyGORM})
	if err != nil {
		t.Fatal(err)
	}
	var got []model.Type
	for _, c := range s.Tables[0].Columns[1:] {
		got = append(got, c.Type)
	}
	want := []model.Type{{SQL: "numeric(12,2)"}, {SQL: "date"}, {Logical: model.LogicalJSON}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// PosGORM has an unknown gorm setting and a field of another family.
type PosGORM struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:10;uniqe"` // @pos-gorm-email
	Name  string `bun:"name"`           // @pos-gorm-name
}

func TestLoadGORMPositions(t *testing.T) {
	t.Parallel()
	pos, err := load.SourcePositions(".")
	if err != nil {
		t.Fatal(err)
	}
	const file = "gorm_test.go"
	_, err = load.Models([]any{PosGORM{}}, load.Options{Positions: pos})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		fmt.Sprintf(`load_test.PosGORM.Name (%s:%d): mixed tag families: Name has a bun tag but ID has a gorm tag; a model uses one of db, gorm and bun (a db tag may sit next to a gorm or bun tag on the same field)`, file, markerLine(t, file, "gorm-name")),
	}
	if diff := cmp.Diff(want, messages(t, err)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	_, err = load.Models([]any{PosGORM2{}}, load.Options{Positions: pos})
	want = []string{
		fmt.Sprintf(`load_test.PosGORM2.Rel (%s:%d): bad tag: constraint:OnDelete:EXPLODE: bad action "EXPLODE"; want CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION`, file, markerLine(t, file, "gorm2-rel")),
	}
	if diff := cmp.Diff(want, messages(t, err)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Settings GORM ignores are warnings, with the field's position.
	res, err := load.Read([]any{PosGORM3{}}, load.Options{Positions: pos})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want = []string{
		fmt.Sprintf(`load_test.PosGORM3.Email (%s:%d): gorm setting "uniqe" is not one GORM reads: GORM ignores it, and so does retort; did you mean "unique"?`, file, markerLine(t, file, "gorm3-email")),
		fmt.Sprintf(`load_test.PosGORM3.Size (%s:%d): size:big is not a number: GORM ignores it, and so does retort`, file, markerLine(t, file, "gorm3-size")),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got)\n%s", diff)
	}
}

// PosGORM3 has settings GORM ignores.
type PosGORM3 struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:10;uniqe"` // @pos-gorm3-email
	Size  string `gorm:"size:big"`      // @pos-gorm3-size
}

// TestReadGORMWarnings: settings GORM does not read are ignored, as GORM
// ignores them, and reported as warnings with a suggestion.
func TestReadGORMWarnings(t *testing.T) {
	t.Parallel()
	res, err := load.Read([]any{GormUnknown{}, GormBadIndex2{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		`load_test.GormUnknown.Email: gorm setting "uniqeIndex" is not one GORM reads: GORM ignores it, and so does retort; did you mean "uniqueIndex"?`,
		`load_test.GormUnknown.Nick: gorm setting "not nul" is not one GORM reads: GORM ignores it, and so does retort; did you mean "not null"?`,
		`load_test.GormUnknown.Note: gorm setting "nullable" is not one GORM reads: GORM ignores it, and so does retort; GORM columns allow NULL unless tagged not null or primaryKey`,
		`load_test.GormBadIndex2.Code: index:,prio:1: "prio" is not an index setting GORM reads: GORM ignores it, and so does retort`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	tb := res.Schema.Tables[0]
	if len(tb.Indexes) != 0 || len(tb.Uniques) != 0 {
		t.Errorf("ignored settings made indexes %v, uniques %v", tb.Indexes, tb.Uniques)
	}
	if c, _ := tb.Column("nick"); !c.Nullable || c.Type.Size != 10 {
		t.Errorf("nick = %+v; want nullable, size 10", c)
	}
}

// GormBadIndex2 has an index setting GORM does not read.
type GormBadIndex2 struct {
	ID   int64
	Code string `gorm:"index:,prio:1"`
}

// PosGORM2 has problems in one family.
type PosGORM2 struct {
	ID  uint     `gorm:"primaryKey"`
	Rel Category `gorm:"constraint:OnDelete:EXPLODE"` // @pos-gorm2-rel
}
