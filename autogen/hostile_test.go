package autogen_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
)

// hostileValues each try to end the statement they are written into and
// run another (DROP TABLE victim), or to comment out the rest of it, with
// the quoting and comment rules of one server or another.
var hostileValues = []string{
	"utf8mb4;DROP TABLE victim;--",
	"utf8mb4`;DROP TABLE victim;--",
	`utf8mb4\';DROP TABLE victim;--`,
	`utf8mb4";DROP TABLE victim;--`,
	"utf8mb4 -- ;DROP TABLE victim",
	"utf8mb4 # ;DROP TABLE victim",
	"utf8mb4 /*;DROP TABLE victim;",
	"0));DROP TABLE victim;--",
}

// hostileOptions are every tag option whose value is written into DDL as
// SQL text, on a column (column) or on the table (table); V stands for the
// value.
var hostileOptions = []struct{ name, column, table string }{
	{"type", "c,type=V", ""},
	{"default", "c,type=varchar(50),default=V", ""},
	{"check", "c,type=varchar(50),check=V", ""},
	{"generated", "c,type=varchar(50),generated=V", ""},
	{"charset", "c,type=varchar(50),charset=V", ""},
	{"collate", "c,type=varchar(50),collate=V", ""},
	{"index_method", "c,type=varchar(50),index,index_method=V", ""},
	{"index_where", "c,type=varchar(50),index,index_where=V", ""},
	{"onupdate", "c,type=timestamp,null,onupdate=V", ""},
	{"ondelete", "c,type=bigint,fk=victim.id,ondelete=V", ""},
	{"option value", "c,type=varchar(50)", "option=ENGINE=V"},
	{"option name", "c,type=varchar(50)", "option=V=1"},
	{"index expression", "c,type=varchar(50)", "index=ix_hostile(V)"},
	{"index where clause", "c,type=varchar(50)", "index=ix_hostile(c) where (V)"},
	{"index using", "c,type=varchar(50)", "index=ix_hostile(c) using V"},
	{"named check", "c,type=varchar(50)", "check=ck_hostile(V)"},
}

// hostileModel builds a model struct whose tags carry value in option o.
func hostileModel(o struct{ name, column, table string }, value string) any {
	tag := func(s string) reflect.StructTag {
		return reflect.StructTag("db:" + strconv.Quote(strings.ReplaceAll(s, "V", value)))
	}
	tableTag := ",table=hostile"
	if o.table != "" {
		tableTag += "," + o.table
	}
	typ := reflect.StructOf([]reflect.StructField{
		{Name: "_", PkgPath: "github.com/retortdb/retort/autogen_test", Type: reflect.TypeFor[struct{}](), Tag: tag(tableTag)},
		{Name: "ID", Type: reflect.TypeFor[int64](), Tag: `db:"id,pk"`},
		{Name: "C", Type: reflect.TypeFor[string](), Tag: tag(o.column)},
	})
	return reflect.New(typ).Elem().Interface()
}

// setUpVictim creates the table the hostile values try to drop, with rows.
func setUpVictim(t *testing.T, db *testdb.DB) {
	t.Helper()
	db.ExecScript(t, "CREATE TABLE victim (id integer PRIMARY KEY, name varchar(20) NOT NULL);\n"+
		"INSERT INTO victim (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');")
}

// victimRows reads victim's rows.
func victimRows(t *testing.T, db *testdb.DB) string {
	t.Helper()
	return strings.Join(queryStrings(t, db, "SELECT name FROM victim ORDER BY id"), ",")
}

// TestHostileTagValues feeds every tag option each hostile value through
// autogenerate on each server: loading the models must refuse every one
// (naming the problem: a bad tag, or a value the target database refuses),
// and nothing may run: the server's own dump is unchanged and victim keeps
// its rows.
func TestHostileTagValues(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			setUpVictim(t, db)
			before := serverDump(t, db)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range hostileOptions {
				for _, v := range hostileValues {
					env := &migrate.Env{Dialect: d, Models: []any{hostileModel(o, v)},
						Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
					res, err := autogen.Compare(ctx, gd, env, autogen.Options{})
					if err == nil {
						t.Errorf("%s=%q: the models load, with %d ops", o.name, v, len(res.Ops))
						continue
					}
					if !errors.Is(err, load.ErrTarget) && !errors.Is(err, load.ErrBadTag) {
						t.Errorf("%s=%q: error is neither a bad tag nor refused for the target database: %v", o.name, v, err)
					}
				}
			}
			if diff := cmp.Diff(before, serverDump(t, db)); diff != "" {
				t.Errorf("schema changed (-before +after):\n%s", diff)
			}
			if got := victimRows(t, db); got != "a,b,c" {
				t.Errorf("victim rows = %q, want a,b,c", got)
			}
		})
	}
}

// hostileRevisions are hand-written revisions that call the op builders
// with hostile text, as a revision file may (a rendered one edited by
// hand, or one written from scratch).
var hostileRevisions = []struct {
	name    string
	upgrade func(op *migrate.Op, v string)
}{
	{"charset", func(op *migrate.Op, v string) {
		op.CreateTable("h", op.Column("id", "integer").PrimaryKey(), op.Column("c", "varchar(50)").Charset(v))
	}},
	{"collation", func(op *migrate.Op, v string) { op.AddColumn("victim", op.Column("c", "varchar(50)").Collation(v)) }},
	{"type", func(op *migrate.Op, v string) { op.AddColumn("victim", op.Column("c", v)) }},
	{"default", func(op *migrate.Op, v string) { op.AddColumn("victim", op.Column("c", "varchar(50)").Default(v)) }},
	{"on update", func(op *migrate.Op, v string) { op.AddColumn("victim", op.Column("c", "timestamp").OnUpdate(v)) }},
	{"generated", func(op *migrate.Op, v string) {
		op.AddColumn("victim", op.Column("c", "varchar(50)").GeneratedStored(v))
	}},
	{"check", func(op *migrate.Op, v string) { op.AddCheck("ck_victim", "victim", v) }},
	{"index method", func(op *migrate.Op, v string) { op.CreateIndex("ix_victim", "victim", "name").Using(v) }},
	{"index where", func(op *migrate.Op, v string) { op.CreateIndex("ix_victim", "victim", "name").Where(v) }},
	{"index expression", func(op *migrate.Op, v string) { op.CreateIndex("ix_victim", "victim").Expr(v) }},
	{"table option", func(op *migrate.Op, v string) { op.SetTableOptions("victim").To("ENGINE", v) }},
}

// TestHostileRevisionValues runs hand-written revisions that pass hostile
// text to the op builders through the runtime an application links: each
// upgrade must be refused before any statement runs (the dialect checks
// the values of every op), and the server's dump and victim's rows must be
// unchanged.
func TestHostileRevisionValues(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			setUpVictim(t, db)
			before := serverDump(t, db)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range hostileRevisions {
				for _, v := range hostileValues {
					env := &migrate.Env{Dialect: d, Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
					env.Add(migrate.Revision{ID: "bad1", Message: "hostile",
						Upgrade: func(op *migrate.Op) {
							// A harmless op first: where DDL is not transactional
							// (MySQL) only a check of every op before the first
							// statement keeps it from being applied.
							op.AddColumn("victim", op.Column("before_hostile", "integer"))
							r.upgrade(op, v)
						},
						Downgrade: func(op *migrate.Op) {}})
					_, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{})
					if !errors.Is(err, dialect.ErrUnsafeValue) {
						t.Errorf("%s %q: upgrade error = %v, want dialect.ErrUnsafeValue", r.name, v, err)
					}
				}
			}
			if diff := cmp.Diff(before, serverDump(t, db)); diff != "" {
				t.Errorf("schema changed (-before +after):\n%s", diff)
			}
			if got := victimRows(t, db); got != "a,b,c" {
				t.Errorf("victim rows = %q, want a,b,c", got)
			}
		})
	}
}

// HostileCharset is a model with an injection in a charset.
type HostileCharset struct {
	ID   int64  `db:"id,pk"`
	Name string `db:"name,type=varchar(50),charset=utf8mb4;DROP TABLE victim;--"`
}

// TestHostileTagNamesField checks the message a user reads: the model's
// field, its file:line and the fix.
func TestHostileTagNamesField(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			env := &migrate.Env{Dialect: d, Models: []any{HostileCharset{}},
				Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
			_, err = autogen.Compare(ctx, gd, env, autogen.Options{PackageDirs: thisDir})
			want := `autogen_test.HostileCharset.Name (hostile_test.go:`
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `charset "utf8mb4;DROP TABLE victim;--" is refused: charset must be an identifier such as utf8mb4`) {
				t.Errorf("error = %v\nwant it to name %s... and the fix", err, want)
			}
		})
	}
}

// thisDir gives this test package's directory as the models' source.
func thisDir(context.Context, []string) ([]string, error) { return []string{"."}, nil }
