package mysql_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/introspect"
	imysql "github.com/retortdb/retort/introspect/mysql"
	"github.com/retortdb/retort/model"
)

// TestSortKeysAsServer: SortKeys puts keys given in creation order where
// the server's own SHOW CREATE TABLE order (as reflected) has them, for a
// CREATE TABLE that declares every kind of key out of order (a unique key
// written USING HASH on a short column among them), and for an ALTER
// TABLE that adds keys of each group and makes a column NOT NULL; and
// the keys keep their method, as the server lists them after an ALTER
// that drops and adds the hash keys again first, as retort's does
// (KeepAlters).
func TestSortKeysAsServer(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	if d.Flavor != mysql.FlavorMariaDB {
		t.Skip("the catalog keeps the server's key order on MariaDB only")
	}
	ctx := t.Context()
	exec := func(sql string) {
		t.Helper()
		if _, err := db.ExecContext(ctx, sql); err != nil {
			t.Fatalf("%v\n%s", err, sql)
		}
	}
	reflected := func() model.Table {
		t.Helper()
		s, err := imysql.Inspector{}.Inspect(ctx, db, introspect.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !s.ServerOrder {
			t.Fatal("Inspect on MariaDB: ServerOrder is false")
		}
		tb, ok := s.Table("", "t")
		if !ok {
			t.Fatal("table t not reflected")
		}
		return tb
	}
	names := func(tb model.Table) string {
		var out []string
		for _, ix := range tb.Indexes {
			out = append(out, ix.Name)
		}
		return strings.Join(out, ",")
	}
	// inOrder returns tb with its indexes in the order of list.
	inOrder := func(tb model.Table, list ...string) model.Table {
		tb.Indexes = slices.Clone(tb.Indexes)
		slices.SortStableFunc(tb.Indexes, func(a, b model.Index) int {
			return slices.Index(list, a.Name) - slices.Index(list, b.Name)
		})
		return tb
	}
	exec("CREATE TABLE t (id INT NOT NULL, a INT, b INT NOT NULL, c VARCHAR(50) NOT NULL, d TEXT, e TEXT, g VARCHAR(50), h INT, p POINT NOT NULL, x INT NOT NULL, " +
		"KEY k1 (a), FULLTEXT KEY ft (d), UNIQUE KEY u_hash (x) USING HASH, UNIQUE KEY u_null (a), SPATIAL KEY sp (p), KEY k2 (b), UNIQUE KEY u_long (e), " +
		"UNIQUE KEY u_null_prefix (g(10)), UNIQUE KEY u_prefix (c(10)), UNIQUE KEY u_nn (b), PRIMARY KEY (id), UNIQUE KEY u_nn2 (c), UNIQUE KEY u_h (h))")
	created := reflected()
	// u_hash, written USING HASH on a short column, is a long unique key:
	// after the other unique keys, before u_long, declared after it.
	if ix, ok := indexNamed(created, "u_hash"); !ok || ix.Method != "HASH" {
		t.Fatalf("u_hash reflected as %+v, want Method HASH", ix)
	}
	given := inOrder(created, "k1", "ft", "u_hash", "u_null", "sp", "k2", "u_long", "u_null_prefix", "u_prefix", "u_nn", "u_nn2", "u_h")
	d.SortKeys(&given)
	if got, want := names(given), names(created); got != want {
		t.Errorf("CREATE TABLE: SortKeys = %s\nthe server lists     %s", got, want)
	}

	// The keys the ALTER adds go after the others, and h becomes NOT
	// NULL, which moves u_h to the NOT NULL unique keys, after u_nn2. The
	// ALTER would turn u_hash into an ordinary unique key, so it drops and
	// adds it again first, with u_long after it, as retort's ALTER does
	// (KeepAlters): u_hash stays a long unique key, the long keys keep
	// their order, and u_hash2, which the ALTER creates, goes last.
	exec("ALTER TABLE t DROP INDEX u_hash, ADD UNIQUE KEY u_hash (x) USING HASH, DROP INDEX u_long, ADD UNIQUE KEY u_long (e), " +
		"MODIFY h INT NOT NULL, ADD KEY k0 (b), ADD UNIQUE KEY u_added (id, b), ADD FULLTEXT KEY ft2 (d), ADD UNIQUE KEY u_added_null (a, b), ADD UNIQUE KEY u_hash2 (b, x) USING HASH")
	altered := reflected()
	added := []string{"k0", "u_added", "ft2", "u_added_null", "u_hash2"}
	given = inOrder(altered, append(strings.Split(names(created), ","), added...)...)
	for i := range given.Indexes {
		if ix, ok := indexNamed(created, given.Indexes[i].Name); ok {
			given.Indexes[i].Method = ix.Method // as it was before the ALTER
		}
	}
	d.SortKeys(&given)
	if got, want := names(given), names(altered); got != want {
		t.Errorf("ALTER TABLE: SortKeys = %s\nthe server lists    %s", got, want)
	}
	for _, name := range []string{"u_hash", "u_hash2", "u_long"} {
		g, _ := indexNamed(given, name)
		w, _ := indexNamed(altered, name)
		if g.Method != w.Method {
			t.Errorf("ALTER TABLE: the model keeps %s Method %q, the server %q", name, g.Method, w.Method)
		}
	}
}

// indexNamed returns tb's index named name.
func indexNamed(tb model.Table, name string) (model.Index, bool) {
	i := slices.IndexFunc(tb.Indexes, func(ix model.Index) bool { return ix.Name == name })
	if i < 0 {
		return model.Index{}, false
	}
	return tb.Indexes[i], true
}
