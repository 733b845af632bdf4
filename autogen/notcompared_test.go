package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
)

// TestCheckNamesWhatItDoesNotCompare: on each dialect, a database that
// holds only a view agrees with an empty set of models (a view is not
// drift: check stays in sync, exit 0), and the report and its JSON
// document name the view as not compared.
func TestCheckNamesWhatItDoesNotCompare(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			if _, err := db.ExecContext(ctx, "CREATE VIEW answer AS SELECT 42 AS n"); err != nil {
				t.Fatal(err)
			}
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			env := &migrate.Env{Dialect: d, Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
			rep, err := autogen.Check(ctx, gd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.InSync() {
				t.Errorf("a view alone is drift: %v", rep.Ops)
			}
			want := []autogen.ObjectDoc{{Kind: "view", Name: "answer"}}
			if diff := cmp.Diff(want, rep.Document().NotCompared); diff != "" {
				t.Errorf("not_compared (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckNamesColumnOrder: on PostgreSQL, whose ADD COLUMN appends and
// which retort never reorders, a table whose columns the models declare
// in another order is in sync (not drift: retort cannot act on it), and
// the report and its JSON document name its column order as not
// compared.
func TestCheckNamesColumnOrder(t *testing.T) {
	ctx := context.Background()
	db := testdb.Open(t, "postgres")
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (id integer NOT NULL, b text NOT NULL, a text NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	gd, err := autogen.Open(ctx, db.DB, "postgres")
	if err != nil {
		t.Fatal(err)
	}
	col := func(name, typ string) model.Column { return model.Column{Name: name, Type: model.Type{SQL: typ}} }
	target := model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{col("id", "integer"), col("a", "text"), col("b", "text")}}}}
	env := &migrate.Env{Dialect: "postgres", Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
	rep, err := autogen.Check(ctx, gd, env, autogen.Options{Target: &target})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.InSync() {
		t.Errorf("column order alone is drift: %v", rep.Ops)
	}
	want := []autogen.ObjectDoc{{Kind: "column order", Name: "t"}}
	if diff := cmp.Diff(want, rep.Document().NotCompared); diff != "" {
		t.Errorf("not_compared (-want +got):\n%s", diff)
	}
}

// TestCheckNamesIndexUsing: on MariaDB, whose SHOW CREATE TABLE prints
// USING BTREE/HASH only as written, an index whose method the models do
// not know to be written (GORM's type:, model.Index.MethodWrittenUnknown)
// agrees with the database's index without USING, and the report names
// whether USING is written as not compared; one written with the same
// method agrees and is not named; one written with another method is
// drift.
func TestCheckNamesIndexUsing(t *testing.T) {
	ctx := context.Background()
	db := testdb.Open(t, "mysql")
	var version string
	if err := db.QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(version, "MariaDB") {
		t.Skipf("MySQL %s does not read USING as written", version)
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (a int NOT NULL, b int NOT NULL, KEY ix_a (a), KEY ix_b (b) USING HASH)"); err != nil {
		t.Fatal(err)
	}
	gd, err := autogen.Open(ctx, db.DB, "mysql")
	if err != nil {
		t.Fatal(err)
	}
	target := func(methodB string) *model.Schema {
		ix := func(name, col, method string) model.Index {
			return model.Index{Name: name, Method: method, MethodWrittenUnknown: true, Parts: []model.IndexPart{{Column: col}}}
		}
		col := func(name string) model.Column { return model.Column{Name: name, Type: model.Type{SQL: "int"}} }
		return &model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{col("a"), col("b")},
			Indexes: []model.Index{ix("ix_a", "a", "hash"), ix("ix_b", "b", methodB)}}}}
	}
	env := &migrate.Env{Dialect: "mysql", Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
	rep, err := autogen.Check(ctx, gd, env, autogen.Options{Target: target("hash")})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.InSync() {
		t.Errorf("USING as written unknown is drift: %v", rep.Ops)
	}
	want := []autogen.ObjectDoc{{Kind: "index USING as written", Name: "ix_a", Table: "t"}}
	if diff := cmp.Diff(want, rep.Document().NotCompared); diff != "" {
		t.Errorf("not_compared (-want +got):\n%s", diff)
	}

	rep, err = autogen.Check(ctx, gd, env, autogen.Options{Target: target("btree")})
	if err != nil {
		t.Fatal(err)
	}
	if rep.InSync() {
		t.Error("USING HASH written where the model says type:btree is no drift")
	}
}
