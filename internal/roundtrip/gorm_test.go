package roundtrip

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestFamiliesRoundTrip: the GORM and the bun model sets each create a
// database that compares equal to them, on every dialect, and the
// reversed ops leave it empty.
func TestFamiliesRoundTrip(t *testing.T) {
	sets := []struct {
		name   string
		models []any
	}{
		{"gorm", gormModels},
		{"bun", bunModels},
	}
	for _, set := range sets {
		for _, d := range testdb.Dialects() {
			t.Run(set.name+"/"+d, func(t *testing.T) {
				t.Parallel()
				target, err := load.Models(set.models, load.Options{})
				if err != nil {
					t.Fatalf("load: %v", err)
				}
				r := newRig(t, d)
				up := r.compare(target)
				if len(up) == 0 {
					t.Fatal("an empty database compared equal to the models")
				}
				r.apply(up)
				if again := r.compare(target); len(again) != 0 {
					t.Fatalf("after applying the generated ops, compare is not empty:\n%s", describe(again))
				}
				reflected := r.reflect()
				if got, want := count(reflected), count(target); got != want {
					t.Errorf("reflected tables, columns, foreign keys, checks = %v, want %v", got, want)
				}
				down, bad, ok := ops.ReverseList(up)
				if !ok {
					t.Fatalf("op %d (%s) has no reverse", bad+1, ops.Describe(up[bad]))
				}
				r.apply(down)
				if s := r.reflect(); len(s.Tables) != 0 {
					t.Errorf("after the downgrade the database still holds %d tables", len(s.Tables))
				}
			})
		}
	}
}

// count returns the number of tables, columns, foreign keys and checks.
func count(s model.Schema) [4]int {
	var n [4]int
	n[0] = len(s.Tables)
	for _, t := range s.Tables {
		n[1] += len(t.Columns)
		n[2] += len(t.ForeignKeys)
		n[3] += len(t.Checks)
	}
	return n
}

// TestGORMAutoMigrateColumns writes down, table by table, the columns
// GORM's AutoMigrate creates for the GORM set, derived from GORM's
// documented rules (https://gorm.io/docs/models.html,
// https://gorm.io/docs/conventions.html, https://gorm.io/docs/indexes.html,
// https://gorm.io/docs/constraints.html):
//
//   - tables: the plural snake_case of the struct name, or TableName();
//   - columns: snake_case field names, column: wins; embedded structs and
//     embedded fields (with embeddedPrefix:) are flattened; relation fields
//     (structs, slices of structs) and "-" fields are not columns;
//   - NOT NULL only for primaryKey and not null; every other column,
//     even a non-pointer int, allows NULL;
//   - type family from the Go type: ints and uints → int, floats → float
//     (precision: gives a decimal), string and named string types →
//     string, time.Time and gorm.DeletedAt → time, bool → bool,
//     datatypes.JSON → json, serializer:json → string (GORM stores the
//     serialized text), type: → that SQL type's family;
//   - keys: the id field (or primaryKey), integer single keys
//     auto-increment; fk_<table>_<relation> foreign keys; idx_<table>_<col>
//     indexes and unique indexes, uni_<table>_<col> unique constraints,
//     chk_<table>_<col> checks.
//
// Each line is "column family NULL|NOT NULL".
func TestGORMAutoMigrateColumns(t *testing.T) {
	t.Parallel()
	stamps := []string{
		"id int NOT NULL", "created_at time NULL", "updated_at time NULL", "deleted_at time NULL",
	}
	with := func(base []string, more ...string) []string { return append(append([]string(nil), base...), more...) }
	want := map[string][]string{
		"customers": with(stamps, "name string NOT NULL", "email string NULL", "phone string NULL", "tier string NOT NULL"),
		"addresses": {"id int NOT NULL", "customer_id int NOT NULL", "street string NULL", "city string NULL", "zip string NULL",
			"geo_lat float NULL", "geo_lng float NULL"},
		"categories": {"id int NOT NULL", "parent_id int NULL", "name string NOT NULL"},
		"items": with(stamps, "sku string NOT NULL", "title string NOT NULL", "price int NOT NULL", "category_id int NULL",
			"attrs json NULL", "tags string NULL", "active bool NULL"),
		"orders": with(stamps, "customer_id int NOT NULL", "status string NOT NULL", "total int NOT NULL",
			"note string NULL", "placed_at time NULL"),
		"item_tags":   {"item_id int NOT NULL", "tag string NOT NULL"},
		"order_lines": {"id int NOT NULL", "order_id int NOT NULL", "item_id int NOT NULL", "qty int NOT NULL", "unit_price int NOT NULL"},
		"payments": {"id int NOT NULL", "order_id int NOT NULL", "amount decimal NOT NULL", "method string NOT NULL",
			"reference string NULL", "paid_at time NOT NULL"},
		"shipments": with(stamps, "order_id int NOT NULL", "carrier string NULL", "tracking string NULL"),
		"reviews":   {"id int NOT NULL", "item_id int NOT NULL", "customer_id int NOT NULL", "rating int NOT NULL", "body string NULL"},
		"coupons":   {"code string NOT NULL", "percent int NOT NULL", "expires_at time NULL", "deleted_at time NULL"},
		"people":    {"id int NOT NULL", "name string NOT NULL", "manager_id int NULL"},
		"audit_log": {"id int NOT NULL", "actor string NOT NULL", "action string NOT NULL", "payload json NULL", "at time NOT NULL"},
	}
	wantKeys := map[string][]string{
		"customers":   {"pk(id) auto", "index idx_customers_deleted_at(deleted_at)", "unique index idx_customers_email(email)"},
		"addresses":   {"pk(id) auto", "index idx_addresses_city_zip(city,zip)", "index idx_addresses_customer_id(customer_id)", "fk fk_customers_addresses(customer_id) customers(id)"},
		"categories":  {"pk(id) auto", "unique index idx_categories_parent_name(parent_id,name)", "fk fk_categories_parent(parent_id) categories(id) on delete SET NULL"},
		"items":       {"pk(id) auto", "index idx_items_category_id(category_id)", "index idx_items_deleted_at(deleted_at)", "unique index idx_items_sku(sku)", "fk fk_items_category(category_id) categories(id) on delete SET NULL"},
		"orders":      {"pk(id) auto", "index idx_orders_deleted_at(deleted_at)", "index idx_orders_status(status)", "fk fk_customers_orders(customer_id) customers(id)", "check chk_orders_total"},
		"item_tags":   {"pk(item_id,tag)", "fk fk_item_tags_item(item_id) items(id) on delete CASCADE"},
		"order_lines": {"pk(id) auto", "unique index idx_order_lines_order_item(order_id,item_id)", "fk fk_order_lines_item(item_id) items(id) on delete RESTRICT", "fk fk_orders_lines(order_id) orders(id) on delete CASCADE", "check chk_order_lines_qty"},
		"payments":    {"pk(id) auto", "index idx_payments_order_id(order_id)", "unique uni_payments_reference(reference)", "fk fk_payments_order(order_id) orders(id) on delete CASCADE on update CASCADE"},
		"shipments":   {"pk(id) auto", "index idx_shipments_deleted_at(deleted_at)", "unique index idx_shipments_order_id(order_id)", "index idx_shipments_tracking(tracking)", "fk fk_orders_shipment(order_id) orders(id)"},
		"reviews":     {"pk(id) auto", "unique index idx_reviews_item_customer(item_id,customer_id)", "fk fk_reviews_customer(customer_id) customers(id) on delete CASCADE", "fk fk_reviews_item(item_id) items(id) on delete CASCADE", "check chk_reviews_rating"},
		"coupons":     {"pk(code)", "index idx_coupons_deleted_at(deleted_at)"},
		"people":      {"pk(id) auto", "fk fk_people_manager(manager_id) people(id) on delete SET NULL"},
		"audit_log":   {"pk(id) auto", "index idx_audit_log_action(action)"},
	}
	s, err := load.Models(gormModels, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, gotKeys := map[string][]string{}, map[string][]string{}
	for _, tb := range s.Tables {
		for _, c := range tb.Columns {
			null := "NOT NULL"
			if c.Nullable {
				null = "NULL"
			}
			got[tb.Name] = append(got[tb.Name], c.Name+" "+typeFamily(c.Type)+" "+null)
		}
		gotKeys[tb.Name] = keyLines(tb)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantKeys, gotKeys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}

// typeFamily names a model type's family: int, float, decimal, string,
// time, bool, bytes, json or uuid.
func typeFamily(t model.Type) string {
	if t.SQL != "" {
		base, _ := model.SplitType(t.SQL)
		switch base {
		case "text", "varchar", "char":
			return "string"
		case "numeric", "decimal":
			return "decimal"
		}
		return base
	}
	switch t.Logical {
	case model.LogicalSmallInt, model.LogicalInt, model.LogicalBigInt:
		return "int"
	case model.LogicalReal, model.LogicalDouble:
		return "float"
	case model.LogicalTimestamp:
		return "time"
	}
	return t.Logical.String()
}

// keyLines renders a table's keys, indexes, foreign keys and checks.
func keyLines(t model.Table) []string {
	var out []string
	if len(t.PrimaryKey.Columns) > 0 {
		l := "pk(" + join(t.PrimaryKey.Columns) + ")"
		for _, c := range t.Columns {
			if c.AutoIncrement {
				l += " auto"
			}
		}
		out = append(out, l)
	}
	for _, ix := range t.Indexes {
		l := "index "
		if ix.Unique {
			l = "unique index "
		}
		out = append(out, l+ix.Name+"("+join(ix.Columns())+")")
	}
	for _, u := range t.Uniques {
		out = append(out, "unique "+u.Name+"("+join(u.Columns)+")")
	}
	for _, fk := range t.ForeignKeys {
		l := "fk " + fk.Name + "(" + join(fk.Columns) + ") " + fk.RefTable + "(" + join(fk.RefColumns) + ")"
		if fk.OnDelete != model.NoAction {
			l += " on delete " + fk.OnDelete.String()
		}
		if fk.OnUpdate != model.NoAction {
			l += " on update " + fk.OnUpdate.String()
		}
		out = append(out, l)
	}
	for _, ck := range t.Checks {
		out = append(out, "check "+ck.Name)
	}
	return out
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}
