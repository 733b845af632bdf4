package mysql_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	imysql "github.com/retortdb/retort/introspect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// server opens a fresh database and the dialect for its server version.
func server(t *testing.T) (*testdb.DB, *mysql.Dialect) {
	t.Helper()
	db := testdb.MySQL(t)
	var v, coll string
	if err := db.QueryRowContext(t.Context(), "SELECT VERSION(), @@collation_database").Scan(&v, &coll); err != nil {
		t.Fatal(err)
	}
	d := mysql.NewForVersion(v)
	d.DatabaseCollation = coll
	return db, d
}

// liveTables reads tables from db.
func liveTables(t *testing.T, db *sql.DB) dialect.TableSource {
	return dialect.TableSourceFunc(func(ctx context.Context, schema, name string) (model.Table, bool, error) {
		s := inspect(t, db)
		tb, ok := s.Table(schema, name)
		return tb, ok, nil
	})
}

// apply runs list as the migration runner does: group by group
// (dialect.PlanGroup merges consecutive ALTERs of one table), each group
// planned from the live tables after the groups before it.
func apply(t *testing.T, db *sql.DB, d *mysql.Dialect, list ...ops.Op) {
	t.Helper()
	runGroups(t, db, d, list, liveTables(t, db))
}

// applyEach runs the statements of each op, op by op.
func applyEach(t *testing.T, db *sql.DB, d *mysql.Dialect, list ...ops.Op) {
	t.Helper()
	ctx := t.Context()
	src := liveTables(t, db)
	for _, op := range list {
		stmts, err := d.Statements(ctx, op, src)
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
		for _, s := range stmts {
			if _, err := db.ExecContext(ctx, s.SQL); err != nil {
				t.Fatalf("%T: %v\n%s", op, err, s.SQL)
			}
		}
	}
}

// inspect reflects the test database, indexes and checks sorted by name
// (see byName).
func inspect(t *testing.T, db *sql.DB) model.Schema {
	t.Helper()
	s, err := imysql.Inspector{}.Inspect(t.Context(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return byName(s)
}

// byName sorts each table's indexes and checks by name. MariaDB reflects
// them in the server's order (primary, unique, then the others as declared
// or added), which these tests do not compare: the convergence suite
// compares it, with SHOW CREATE TABLE.
func byName(s model.Schema) model.Schema {
	out := model.Schema{Tables: slices.Clone(s.Tables), Enums: s.Enums}
	for i := range out.Tables {
		t := &out.Tables[i]
		t.Indexes = slices.Clone(t.Indexes)
		slices.SortStableFunc(t.Indexes, func(a, b model.Index) int { return strings.Compare(a.Name, b.Name) })
		t.Checks = slices.Clone(t.Checks)
		slices.SortStableFunc(t.Checks, func(a, b model.Check) int { return strings.Compare(a.Name, b.Name) })
	}
	return out
}

// comparable puts a schema in the form the comparer sees: types, defaults
// and expressions normalised, tables sorted by name.
func comparable(d *mysql.Dialect, s model.Schema) model.Schema {
	out := model.Schema{}
	for _, t := range s.Tables {
		t.Columns = slices.Clone(t.Columns)
		for i, c := range t.Columns {
			c.Default = d.NormalizeDefault(c)
			c.Type = model.Type{SQL: d.NormalizeType(c.Type.SQL)}
			if c.Generated.Expr != "" {
				c.Generated.Expr = d.NormalizeExpr(c.Generated.Expr)
			}
			t.Columns[i] = c
		}
		t.Checks = slices.Clone(t.Checks)
		for i := range t.Checks {
			t.Checks[i].Expr = d.NormalizeExpr(t.Checks[i].Expr)
		}
		out.Tables = append(out.Tables, t)
	}
	slices.SortFunc(out.Tables, func(a, b model.Table) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out
}

// onlyTargetOptions keeps in got only the table options want names, as the
// comparer does.
func onlyTargetOptions(want, got model.Schema) model.Schema {
	out := model.Schema{}
	for _, t := range got.Tables {
		wt, _ := want.Table(t.Schema, t.Name)
		var opts []model.TableOption
		for _, o := range t.Options {
			if _, ok := wt.Option(o.Name); ok {
				opts = append(opts, o)
			}
		}
		t.Options = opts
		out.Tables = append(out.Tables, t)
	}
	return out
}

// assertSameAsModel checks that the database reflects as Canonical(m).
func assertSameAsModel(t *testing.T, db *sql.DB, d *mysql.Dialect, m model.Schema) {
	t.Helper()
	want := comparable(d, byName(d.Canonical(m)))
	got := comparable(d, onlyTargetOptions(want, inspect(t, db)))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reflected schema differs from Canonical(model) (-want +got):\n%s", diff)
	}
}

// createAll creates every table of Canonical(m) (what diff hands on: types
// resolved), referenced tables first (m lists them in that order).
func createAll(t *testing.T, db *sql.DB, d *mysql.Dialect, m model.Schema) {
	t.Helper()
	for _, tb := range d.Canonical(m).Tables {
		apply(t, db, d, ops.CreateTable{Table: tb})
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }
