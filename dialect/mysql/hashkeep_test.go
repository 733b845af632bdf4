package mysql_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/introspect"
	imysql "github.com/retortdb/retort/introspect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestKeepAltersHashKey: MariaDB turns a unique key written USING HASH on
// a short column into an ordinary one on a plain ALTER TABLE (the server's
// SHOW CREATE TABLE drops the clause), and retort's ALTER TABLE, CREATE
// INDEX and DROP INDEX of the table keep it, comment included, and keep
// the long unique keys in their order, while a key on a column the
// migration drops is left to the server.
func TestKeepAltersHashKey(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	if d.Flavor != mysql.FlavorMariaDB {
		t.Skip("MySQL 8 keeps no unique key USING HASH")
	}
	ctx := t.Context()
	exec := func(sql string) {
		t.Helper()
		if _, err := db.ExecContext(ctx, sql); err != nil {
			t.Fatalf("%v\n%s", err, sql)
		}
	}
	show := func() string {
		t.Helper()
		var name, create string
		if err := db.QueryRowContext(ctx, "SHOW CREATE TABLE t").Scan(&name, &create); err != nil {
			t.Fatal(err)
		}
		return create
	}
	const kept = "UNIQUE KEY `uh` (`a`) USING HASH COMMENT 'by a'"
	exec("CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT NOT NULL, c TEXT, g INT, UNIQUE KEY uh (a) USING HASH COMMENT 'by a', UNIQUE KEY ub (c), UNIQUE KEY ug (g) USING HASH)")
	if got := show(); !strings.Contains(got, kept) {
		t.Fatalf("CREATE TABLE: SHOW CREATE TABLE lacks %q:\n%s", kept, got)
	}
	// The server's own conversion, which the test would miss without it.
	exec("CREATE TABLE plain LIKE t")
	exec("ALTER TABLE plain ADD COLUMN z INT")
	var name, create string
	if err := db.QueryRowContext(ctx, "SHOW CREATE TABLE plain").Scan(&name, &create); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(create, "`uh` (`a`) USING HASH") {
		t.Fatalf("a plain ALTER TABLE kept USING HASH: the server no longer converts the key\n%s", create)
	}

	// The runner's source: the table as reflected, keys in the server's
	// order (liveTables sorts them by name).
	src := dialect.TableSourceFunc(func(ctx context.Context, schema, name string) (model.Table, bool, error) {
		s, err := imysql.Inspector{}.Inspect(ctx, db, introspect.Options{})
		if err != nil {
			return model.Table{}, false, err
		}
		tb, ok := s.Table(schema, name)
		return tb, ok, nil
	})
	steps := []struct {
		name string
		ops  []ops.Op
	}{
		{"add column", []ops.Op{addCol("d", "int")}},
		{"add column and index", []ops.Op{addCol("e", "int"), ops.CreateIndex{Table: "t", Index: index("ix_b", "b")}}},
		{"drop index", []ops.Op{ops.DropIndex{Table: "t", Index: index("ix_b", "b")}}},
		{"table comment", []ops.Op{ops.SetTableComment{Table: "t", To: "things"}}},
		{"modify the key's column", []ops.Op{ops.AlterColumn{Table: "t", From: col("a", "int"), To: col("a", "bigint")}}},
		{"drop another key's column", []ops.Op{ops.DropColumn{Table: "t", Column: col("g", "int")}}},
	}
	for _, st := range steps {
		runGroups(t, db.DB, d, st.ops, src)
		got := show()
		if !strings.Contains(got, kept) {
			t.Errorf("%s: SHOW CREATE TABLE lacks %q:\n%s", st.name, kept, got)
		}
		// ub, a long unique key declared after uh, stays after it.
		if strings.Index(got, "KEY `ub`") < strings.Index(got, "KEY `uh`") {
			t.Errorf("%s: ub moved before uh:\n%s", st.name, got)
		}
	}
	if got := show(); strings.Contains(got, "`ug`") {
		t.Errorf("dropping g left its key ug:\n%s", got)
	}
}

// TestKeepAltersOffline: without the live table nothing is added, and
// the clause goes once into a merged ALTER TABLE and into a DROP INDEX.
func TestKeepAltersOffline(t *testing.T) {
	t.Parallel()
	d := mysql.NewMariaDB()
	list := []ops.Op{addCol("d", "int"), addCol("e", "int")}
	got := runGroups(t, nil, d, list, dialect.NoTables{})
	if diff := cmp.Diff([]string{"ALTER TABLE t ADD COLUMN d int, ADD COLUMN e int"}, got); diff != "" {
		t.Errorf("offline (-want +got):\n%s", diff)
	}
	uh := model.Index{Name: "uh", Unique: true, Method: "HASH", Parts: []model.IndexPart{{Column: "a"}}}
	live := model.Table{Name: "t", Columns: []model.Column{col("a", "int"), col("b", "int")}, Indexes: []model.Index{uh, index("ix_b", "b")}}
	src := dialect.TableSourceFunc(func(_ context.Context, _, name string) (model.Table, bool, error) {
		return live, name == "t", nil
	})
	got = runGroups(t, nil, d, append(list, ops.DropIndex{Table: "t", Index: index("ix_b", "b")}), src)
	want := []string{"ALTER TABLE t DROP INDEX uh, ADD UNIQUE INDEX uh (a) USING HASH, ADD COLUMN d int, ADD COLUMN e int, DROP INDEX ix_b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("live (-want +got):\n%s", diff)
	}
	got = runGroups(t, nil, d, []ops.Op{ops.DropIndex{Table: "t", Index: index("ix_b", "b")}}, src)
	want = []string{"ALTER TABLE t DROP INDEX uh, ADD UNIQUE INDEX uh (a) USING HASH, DROP INDEX ix_b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DROP INDEX (-want +got):\n%s", diff)
	}
	// A key the group drops is left to it.
	got = runGroups(t, nil, d, []ops.Op{ops.DropIndex{Table: "t", Index: uh}}, src)
	if diff := cmp.Diff([]string{"DROP INDEX uh ON t"}, got); diff != "" {
		t.Errorf("DROP INDEX uh (-want +got):\n%s", diff)
	}
	// MySQL 8 is left alone.
	got = runGroups(t, nil, mysql.New(), list, src)
	if diff := cmp.Diff([]string{"ALTER TABLE t ADD COLUMN d int, ADD COLUMN e int"}, got); diff != "" {
		t.Errorf("MySQL 8 (-want +got):\n%s", diff)
	}
}
