package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestCheckColumnAgreesWithSQLite pins issue 17 against SQLite itself: a
// default the checker refuses makes SQLite's insert fail, and one it
// accepts inserts. The table is created through the dialect's own DDL.
func TestCheckColumnAgreesWithSQLite(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	for i, tc := range []struct {
		typ, def string
		refused  bool
		fix      string
	}{
		{"timestamp", "now()", true, "CURRENT_TIMESTAMP"},
		{"timestamp", "CURRENT_TIMESTAMP", false, ""},
		{"text", "gen_random_uuid()", true, "randomblob"},
		{"text", "(lower(hex(randomblob(16))))", false, ""},
		{"text", "(datetime('now'))", false, ""},
		{"integer", "(abs(random()) % 10)", false, ""},
		{"text", "'now()'", false, ""},
		{"text", "uuid()", true, "randomblob"},
	} {
		t.Run(tc.def, func(t *testing.T) {
			t.Parallel()
			col := model.Column{Name: "v", Type: model.Type{SQL: tc.typ}, Default: tc.def}
			tbl := model.Table{Name: fmt.Sprintf("t%d", i), Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "integer"}}, col,
			}, PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}}
			err := errors.Join(problemErrs(d.CheckCapabilities(model.Schema{Tables: []model.Table{tbl}}))...)
			if (err != nil) != tc.refused {
				t.Fatalf("CheckCapabilities(default=%s) = %v, want refused %v", tc.def, err, tc.refused)
			}
			if err != nil && (!strings.Contains(err.Error(), tc.fix) || !strings.Contains(err.Error(), tc.def)) {
				t.Errorf("error %q does not name the default and the fix %q", err, tc.fix)
			}
			db := testdb.SQLite(t)
			stmts, err := d.Statements(context.Background(), ops.CreateTable{Table: tbl}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var sqlErr error
			for _, s := range stmts {
				if _, sqlErr = db.DB.Exec(s.SQL); sqlErr != nil {
					break
				}
			}
			if sqlErr == nil {
				_, sqlErr = db.DB.Exec("INSERT INTO " + tbl.Name + " (id) VALUES (1)")
			}
			if (sqlErr != nil) != tc.refused {
				t.Errorf("SQLite: create and insert with default %s: %v; the checker said refused=%v", tc.def, sqlErr, tc.refused)
			}
		})
	}
}

// TestCheckColumnOnUpdate: SQLite has no column ON UPDATE; the checker
// says so instead of the DDL dropping it.
func TestCheckColumnOnUpdate(t *testing.T) {
	t.Parallel()
	col := model.Column{Name: "at", Type: model.Type{SQL: "timestamp"}, Default: "CURRENT_TIMESTAMP", OnUpdate: "CURRENT_TIMESTAMP"}
	probs := sqlite.New().CheckCapabilities(model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{col}}}})
	err := errors.Join(problemErrs(probs)...)
	if !errors.Is(err, dialect.ErrCapability) || len(probs) != 1 || probs[0].Column != "at" {
		t.Errorf("problems %v, want one on column at wrapping ErrCapability", probs)
	}
	if err == nil || !strings.Contains(err.Error(), "onupdate=CURRENT_TIMESTAMP") {
		t.Errorf("CheckCapabilities(onupdate) = %v, want an error naming onupdate=", err)
	}
}

func problemErrs(ps []dialect.Problem) []error {
	var out []error
	for _, p := range ps {
		out = append(out, p.Err)
	}
	return out
}
