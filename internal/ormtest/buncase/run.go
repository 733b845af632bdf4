package buncase

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/schema"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/opstest"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Case is one bun feature: the models bun's CreateTable creates a
// database from, and an edit of them retort must apply.
type Case struct {
	// Name names the feature.
	Name string
	// Models are the models, in creation order (referenced tables first).
	Models []any
	// Register are models bun must know before the tables are created
	// (m2m join tables), as db.RegisterModel takes them.
	Register []any
	// Edit are the models after one edit of the feature (the same tables).
	Edit []any
	// EditRegister is Register for Edit.
	EditRegister []any
	// Indexes are the indexes the team creates with bun's CreateIndex
	// after the tables, for Models and for Edit.
	Indexes, EditIndexes []Index
	// Dialects limits the case to these dialects (bun cannot create the
	// feature elsewhere); empty means all three.
	Dialects []string
	// SameOn are the dialects where bun gives the edited models the same
	// schema: there the edit must report no op.
	SameOn []string
}

// Index is one bun NewCreateIndex().Model(Model).Index(Name).Column(Columns...).
type Index struct {
	Model   any
	Name    string
	Columns []string
	Unique  bool
}

// Env is one dialect under test.
type Env struct {
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
	// Open returns a fresh, empty database, dropped when the test ends.
	Open func(t *testing.T) *sql.DB
}

// Result is what one case reported on one dialect.
type Result struct {
	Case, Dialect string
	// BunOps is the number of ops retort reports against the database bun
	// created from the models (0 is right).
	BunOps int
	// EditOps is the number of ops the edit took; AfterOps the number
	// reported once they were applied (0 is right); EditBunOps the number
	// reported against a database bun created from the edited models.
	EditOps, AfterOps, EditBunOps int
}

// Run runs every case on env, as subtests, and logs the table of results.
// With RETORT_ORMTEST_REPORT naming a file, the results are appended to it
// as tab-separated lines.
func Run(t *testing.T, env Env) {
	var mu sync.Mutex
	var results []Result
	t.Run("cases", func(t *testing.T) {
		for _, c := range Cases() {
			if len(c.Dialects) > 0 && !slices.Contains(c.Dialects, env.Dialect) {
				continue
			}
			t.Run(c.Name, func(t *testing.T) {
				t.Parallel()
				r := runCase(t, env, c)
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
			})
		}
	})
	slices.SortFunc(results, func(a, b Result) int { return strings.Compare(a.Case, b.Case) })
	var b strings.Builder
	fmt.Fprintf(&b, "%-32s %-8s bun edit after edit-bun\n", "case", "dialect")
	for _, r := range results {
		fmt.Fprintf(&b, "%-32s %-8s %3d %4d %5d %8d\n", r.Case, r.Dialect, r.BunOps, r.EditOps, r.AfterOps, r.EditBunOps)
	}
	t.Logf("bun cases on %s:\n%s", env.Dialect, b.String())
	if path := os.Getenv("RETORT_ORMTEST_REPORT"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, r := range results {
			fmt.Fprintf(f, "bun\t%s\t%s\t%d\t%d\t%d\t%d\n", r.Case, r.Dialect, r.BunOps, r.EditOps, r.AfterOps, r.EditBunOps)
		}
	}
}

// runCase: bun creates the database, retort compares (0 ops); retort
// applies the edit and compares again (0 ops); bun creates the edited
// models in a second database and retort compares it too (0 ops).
func runCase(t *testing.T, env Env, c Case) Result {
	res := Result{Case: c.Name, Dialect: env.Dialect}
	db := env.Open(t)
	create(t, env.Dialect, db, c.Register, c.Models, c.Indexes)
	be := forServer(t, env.Dialect, db)
	target := read(t, c.Models, env.Dialect)
	list := compare(t, be, db, target)
	res.BunOps = len(list)
	if len(list) > 0 {
		t.Errorf("against the database bun created, retort reports %d ops:\n%s", len(list), describe(list))
	}
	if c.Edit == nil {
		t.Fatal("the case has no edit")
	}
	edited := read(t, c.Edit, env.Dialect)
	up := compare(t, be, db, edited)
	res.EditOps = len(up)
	same := slices.Contains(c.SameOn, env.Dialect)
	switch {
	case same && len(up) > 0:
		t.Errorf("bun's %s dialect gives the edited models the same schema, but retort reports %d ops:\n%s", env.Dialect, len(up), describe(up))
	case !same && len(up) == 0:
		t.Errorf("the edit made no ops")
	}
	opstest.Apply(t, db, be, up)
	again := compare(t, be, db, edited)
	res.AfterOps = len(again)
	if len(again) > 0 {
		t.Errorf("after applying the edit's ops, retort reports %d ops:\n%s\nthe edit's ops:\n%s", len(again), describe(again), describe(up))
	}

	db2 := env.Open(t)
	create(t, env.Dialect, db2, c.EditRegister, c.Edit, c.EditIndexes)
	be2 := forServer(t, env.Dialect, db2)
	fresh := compare(t, be2, db2, read(t, c.Edit, env.Dialect))
	res.EditBunOps = len(fresh)
	if len(fresh) > 0 {
		t.Errorf("against the database bun created from the edited models, retort reports %d ops:\n%s", len(fresh), describe(fresh))
	}
	return res
}

// create runs bun's CreateTable with foreign keys for each model, then
// CreateIndex for each index, as a team's bun set-up code does.
func create(t *testing.T, dialect string, db *sql.DB, register, models []any, indexes []Index) {
	t.Helper()
	bdb := bun.NewDB(db, bunDialect(dialect))
	bdb.RegisterModel(register...)
	for _, m := range models {
		q := bdb.NewCreateTable().Model(m).WithForeignKeys()
		if _, err := q.Exec(context.Background()); err != nil {
			t.Fatalf("bun CreateTable %T: %v\n%s", m, err, q.String())
		}
		t.Logf("bun: %s", q.String())
	}
	for _, ix := range indexes {
		q := bdb.NewCreateIndex().Model(ix.Model).Index(ix.Name).Column(ix.Columns...)
		if ix.Unique {
			q = q.Unique()
		}
		if _, err := q.Exec(context.Background()); err != nil {
			t.Fatalf("bun CreateIndex %s: %v", ix.Name, err)
		}
	}
}

// bunDialect is bun's dialect for a retort dialect name.
func bunDialect(dialect string) schema.Dialect {
	switch dialect {
	case "postgres":
		return pgdialect.New()
	case "mysql":
		return mysqldialect.New()
	default:
		return sqlitedialect.New()
	}
}

// read loads models as the dialect's bun dialect types them.
func read(t *testing.T, models []any, dialect string) model.Schema {
	t.Helper()
	res, err := load.Read(models, LoadOptions(dialect))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	for _, w := range res.Warnings {
		t.Logf("load warning: %s", w)
	}
	return res.Schema
}

// LoadOptions are the load options that match bun's dialect on a
// retort dialect.
func LoadOptions(dialect string) load.Options {
	dialects := map[string]load.BunDialect{"sqlite": load.BunSQLite, "postgres": load.BunPostgres, "mysql": load.BunMySQL}
	return load.Options{Family: model.FamilyBun, Bun: load.BunOptions{Dialect: dialects[dialect]}}
}

func forServer(t *testing.T, dialect string, db *sql.DB) backend.Backend {
	t.Helper()
	be, err := backend.Lookup(dialect)
	if err != nil {
		t.Fatal(err)
	}
	be, err = be.ForServer(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return be
}

func compare(t *testing.T, be backend.Backend, db *sql.DB, target model.Schema) []ops.Op {
	t.Helper()
	current, err := be.Inspector.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	list, err := diff.Compare(current, target, be.Dialect, diff.Options{})
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	// A model's index and check order mean nothing (the loader sorts by
	// name, the ORM creates them in an order of its own): never a note.
	for _, tb := range diff.IndexOrderUnkept(be.Dialect, current, target, list) {
		t.Errorf("retort names the index order of %s as not compared against a model", tb.Name)
	}
	for _, tb := range diff.CheckOrderUnkept(be.Dialect, current, target, list) {
		t.Errorf("retort names the check order of %s as not compared against a model", tb.Name)
	}
	return list
}

func describe(list []ops.Op) string {
	var b strings.Builder
	for _, op := range list {
		fmt.Fprintf(&b, "  %s\n", ops.Describe(op))
	}
	return b.String()
}
