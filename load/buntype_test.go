package load_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// BunTyped has one field of each kind bun's dialects type differently.
type BunTyped struct {
	BaseModel `bun:"typed"`
	ID        int64 `bun:",pk,autoincrement"`
	Small     int16
	Mid       int32
	Flag      bool
	Ratio     float32
	Name      string
	At        time.Time
	Raw       []byte
	Doc       json.RawMessage
	Meta      map[string]string
	Short     string   `bun:",type:varchar"`
	Tags      []string `bun:",array"`
}

// TestBunDialectTypes: each bun dialect's CreateTable types, as
// load.BunOptions.Dialect picks them (internal/ormtest proves them
// against bun itself).
func TestBunDialectTypes(t *testing.T) {
	t.Parallel()
	want := map[load.BunDialect][]string{
		load.BunPostgres: {"BIGINT", "SMALLINT", "INTEGER", "BOOLEAN", "REAL", "VARCHAR", "TIMESTAMPTZ", "BYTEA", "JSONB", "JSONB", "varchar", "VARCHAR[]"},
		load.BunMySQL:    {"BIGINT", "SMALLINT", "INTEGER", "BOOLEAN", "REAL", "VARCHAR(255)", "DATETIME", "BLOB", "JSON", "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(255)"},
		load.BunSQLite:   {"INTEGER", "INTEGER", "INTEGER", "BOOLEAN", "REAL", "VARCHAR", "TIMESTAMP", "BLOB", "JSON", "VARCHAR", "varchar", "VARCHAR"},
	}
	for d, types := range want {
		t.Run(d.String(), func(t *testing.T) {
			s, err := load.Models([]any{BunTyped{}}, load.Options{Bun: load.BunOptions{Dialect: d}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range s.Tables[0].Columns {
				got = append(got, c.Type.SQL)
			}
			if diff := cmp.Diff(types, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if s.Tables[0].Name != "typed" {
				t.Errorf("table %q, want the BaseModel name form's %q", s.Tables[0].Name, "typed")
			}
		})
	}
}

type (
	// BunOrder, BunItem and BunOrderItem are an m2m join table.
	BunOrder struct {
		ID    int64      `bun:",pk,autoincrement"`
		Items []*BunItem `bun:"m2m:bun_order_items,join:Order=Item"`
	}
	BunItem struct {
		ID int64 `bun:",pk,autoincrement"`
	}
	BunOrderItem struct {
		BaseModel `bun:"table:bun_order_items"`
		OrderID   int64     `bun:",pk"`
		Order     *BunOrder `bun:"rel:belongs-to,join:order_id=id"`
		ItemID    int64     `bun:",pk"`
		Item      *BunItem  `bun:"rel:belongs-to,join:item_id=id,on_delete:cascade"`
	}
	// BunPKRef references on a primary key column of a table that is no
	// m2m join table: bun writes no key.
	BunPKRef struct {
		ItemID int64    `bun:",pk"`
		Item   *BunItem `bun:"rel:belongs-to,join:item_id=id"`
	}
	// BunHasOne has a has-one with on_delete, which bun ignores.
	BunHasOne struct {
		ID     int64    `bun:",pk,autoincrement"`
		ItemID int64    `bun:",notnull"`
		Item   *BunItem `bun:"rel:has-one,join:item_id=id,on_delete:CASCADE"`
	}
)

// TestBunRelations: the keys bun's WithForeignKeys writes.
func TestBunRelations(t *testing.T) {
	t.Parallel()
	res, err := load.Read([]any{BunOrder{}, BunItem{}, BunOrderItem{}, BunPKRef{}, BunHasOne{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]model.ForeignKey{}
	for _, tb := range res.Schema.Tables {
		got[tb.Name] = tb.ForeignKeys
	}
	want := map[string][]model.ForeignKey{
		"bun_orders": nil,
		"bun_items":  nil,
		"bun_order_items": {
			{Columns: []string{"item_id"}, RefTable: "bun_items", RefColumns: []string{"id"}, OnDelete: model.Cascade, OnUpdate: model.NoActionWritten},
			{Columns: []string{"order_id"}, RefTable: "bun_orders", RefColumns: []string{"id"}, OnDelete: model.NoActionWritten, OnUpdate: model.NoActionWritten},
		},
		"bun_pk_refs":  nil,
		"bun_has_ones": {{Columns: []string{"item_id"}, RefTable: "bun_items", RefColumns: []string{"id"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "on_delete only on rel:belongs-to") {
		t.Errorf("warnings %v, want one about has-one's on_delete", res.Warnings)
	}
}

// BunDangling belongs to a struct that is not a model; BunSideways names
// no relation kind bun has.
type (
	BunDangling struct {
		ID     int64    `bun:",pk"`
		ItemID int64    `bun:",notnull"`
		Item   *BunItem `bun:"rel:belongs-to"`
	}
	BunSideways struct {
		ID    int64    `bun:",pk"`
		Other *BunItem `bun:"rel:sideways"`
	}
)

// TestBunRelationErrors: a target that is not a model and an unknown
// relation kind are errors on the field.
func TestBunRelationErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		model any
		err   error
		says  string
	}{
		{BunDangling{}, load.ErrNotAModel, "BunDangling.Item"},
		{BunSideways{}, load.ErrBadTag, "rel:sideways"},
	} {
		_, err := load.Models([]any{c.model}, load.Options{})
		if !errors.Is(err, c.err) || !strings.Contains(fmt.Sprint(err), c.says) {
			t.Errorf("%T: got %v, want %v naming %s", c.model, err, c.err, c.says)
		}
	}
}
