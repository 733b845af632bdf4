package postgres_test

import (
	"context"
	"database/sql"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	pgdialect "github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/postgres"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var pg = pgdialect.New()

// inspect reflects the database's current schema.
func inspect(t testing.TB, db introspect.Querier) model.Schema {
	t.Helper()
	s, err := postgres.Inspector{}.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return s
}

// apply runs the statements of each op.
func apply(t testing.TB, db *testdb.DB, list ...ops.Op) {
	t.Helper()
	for _, op := range list {
		stmts, err := pg.Statements(context.Background(), op, dialect.NoTables{})
		if err != nil {
			t.Fatalf("statements for %T: %v", op, err)
		}
		for _, st := range stmts {
			if _, err := db.ExecContext(context.Background(), st.SQL); err != nil {
				t.Fatalf("%T: %s: %v", op, st.SQL, err)
			}
		}
	}
}

// exec runs raw SQL.
func exec(t testing.TB, db *testdb.DB, sql string) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), sql); err != nil {
		t.Fatalf("exec %s: %v", sql, err)
	}
}

// createOps returns the ops that create s: enums, tables in FK order (the
// test schemas list referenced tables first, or reference themselves),
// indexes.
func createOps(s model.Schema) []ops.Op {
	var list []ops.Op
	for _, e := range s.Enums {
		list = append(list, ops.CreateEnum{Enum: e})
	}
	for _, t := range s.Tables {
		list = append(list, ops.CreateTable{Table: t})
	}
	for _, t := range s.Tables {
		for _, ix := range t.Indexes {
			list = append(list, ops.CreateIndex{Schema: t.Schema, Table: t.Name, Index: ix})
		}
	}
	return list
}

// createTable returns the ops that create one table (without its indexes in
// the CreateTable, as diff emits them).
func createTableOps(t model.Table) []ops.Op {
	bare := t
	bare.Indexes = nil
	list := []ops.Op{ops.CreateTable{Table: bare}}
	for _, ix := range t.Indexes {
		list = append(list, ops.CreateIndex{Schema: t.Schema, Table: t.Name, Index: ix})
	}
	return list
}

// comparable returns s in the form the comparer sees it: objects sorted by
// name, types, defaults and expressions normalised by the dialect.
func comparable(s model.Schema) model.Schema {
	out := model.Schema{}
	out.Enums = append(out.Enums, s.Enums...)
	slices.SortFunc(out.Enums, func(a, b model.Enum) int { return strings.Compare(a.Name, b.Name) })
	for _, t := range s.Tables {
		n := t
		n.Columns = nil
		for _, c := range t.Columns {
			c.Default = pg.NormalizeDefault(c)
			c.Type.SQL = pg.NormalizeType(c.Type.SQL)
			if c.Generated.Expr != "" {
				c.Generated.Expr = pg.NormalizeExpr(c.Generated.Expr)
			}
			n.Columns = append(n.Columns, c)
		}
		n.Indexes = nil
		for _, ix := range t.Indexes {
			ix.Where = pg.NormalizeExpr(ix.Where)
			ix.Parts = slices.Clone(ix.Parts)
			for i := range ix.Parts {
				if ix.Parts[i].Expr != "" {
					ix.Parts[i].Expr = pg.NormalizeExpr(ix.Parts[i].Expr)
				}
			}
			n.Indexes = append(n.Indexes, ix)
		}
		slices.SortFunc(n.Indexes, func(a, b model.Index) int { return strings.Compare(a.Name, b.Name) })
		n.Uniques = slices.Clone(t.Uniques)
		slices.SortFunc(n.Uniques, func(a, b model.Unique) int { return strings.Compare(a.Name, b.Name) })
		n.ForeignKeys = slices.Clone(t.ForeignKeys)
		slices.SortFunc(n.ForeignKeys, func(a, b model.ForeignKey) int { return strings.Compare(a.Name, b.Name) })
		n.Checks = nil
		for _, c := range t.Checks {
			c.Expr = pg.NormalizeExpr(c.Expr)
			n.Checks = append(n.Checks, c)
		}
		slices.SortFunc(n.Checks, func(a, b model.Check) int { return strings.Compare(a.Name, b.Name) })
		out.Tables = append(out.Tables, n)
	}
	slices.SortFunc(out.Tables, func(a, b model.Table) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// sameSchema fails the test when want and got differ in the comparer's eyes.
func sameSchema(t testing.TB, want, got model.Schema) {
	t.Helper()
	want = openNumbering(want, got)
	if d := cmp.Diff(comparable(want), comparable(got)); d != "" {
		t.Errorf("schema mismatch (-want +got):\n%s", d)
	}
}

// openExampleDB opens the test server's database for examples, or returns
// nil when none is configured.
func openExampleDB() *sql.DB {
	u := os.Getenv(testdb.PostgresEnv)
	if u == "" {
		return nil
	}
	db, _, err := dburl.Open(context.Background(), u)
	if err != nil {
		return nil
	}
	return db
}

// openNumbering gives want's auto-increment columns that leave the
// mechanism open (AutoIncrement alone: see model.Column.Serial) the
// mechanism got reflects, as diff matches them.
func openNumbering(want, got model.Schema) model.Schema {
	want = want.Clone()
	for i := range want.Tables {
		w := &want.Tables[i]
		g, ok := got.Table(w.Schema, w.Name)
		if !ok {
			continue
		}
		for k := range w.Columns {
			c := &w.Columns[k]
			if !c.AutoIncrement || c.Serial || c.Identity != model.IdentityNone {
				continue
			}
			if gc, ok := g.Column(c.Name); ok && gc.AutoIncrement {
				c.Serial, c.Identity = gc.Serial, gc.Identity
			}
		}
	}
	return want
}
