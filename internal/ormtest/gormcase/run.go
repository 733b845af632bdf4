package gormcase

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/opstest"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Settings are the GORM settings of a case: what a team's gorm.Config,
// naming strategy and mysql.Config say.
type Settings struct {
	// TablePrefix and SingularTable are schema.NamingStrategy's.
	TablePrefix   string
	SingularTable bool
	// DisableFK is gorm.Config's DisableForeignKeyConstraintWhenMigrating.
	DisableFK bool
	// DefaultStringSize and DefaultDatetimePrecision are mysql.Config's.
	DefaultStringSize        uint
	DefaultDatetimePrecision *int
}

// Case is one GORM feature: the models GORM's AutoMigrate creates a
// database from, and an edit of them retort must apply.
type Case struct {
	// Name names the feature.
	Name string
	// Settings are the GORM settings the case runs with.
	Settings Settings
	// Models are the models, in AutoMigrate's order.
	Models []any
	// Edit are the models after one edit of the feature (the same tables).
	Edit []any
	// Dialects limits the case to these dialects (GORM cannot create the
	// feature elsewhere); empty means all three.
	Dialects []string
	// SameOn are the dialects where GORM's driver gives the edited models
	// the same schema (SQLite has no comments, sizes or precisions): there
	// the edit must report no op.
	SameOn []string
}

// Env is one dialect under test.
type Env struct {
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
	// Open returns a fresh, empty database, dropped when the test ends.
	Open func(t *testing.T) *sql.DB
	// GORM opens GORM on db with the settings.
	GORM func(t *testing.T, db *sql.DB, s Settings) *gorm.DB
}

// Result is what one case reported on one dialect.
type Result struct {
	Case, Dialect string
	// GORMOps is the number of ops retort reports against the database
	// GORM created from the models (0 is right).
	GORMOps int
	// EditOps is the number of ops the edit took; AfterOps the number
	// reported once they were applied (0 is right); EditGORMOps the number
	// reported against a database GORM created from the edited models.
	EditOps, AfterOps, EditGORMOps int
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
	fmt.Fprintf(&b, "%-32s %-8s gorm edit after edit-gorm\n", "case", "dialect")
	for _, r := range results {
		fmt.Fprintf(&b, "%-32s %-8s %4d %4d %5d %9d\n", r.Case, r.Dialect, r.GORMOps, r.EditOps, r.AfterOps, r.EditGORMOps)
	}
	t.Logf("GORM cases on %s:\n%s", env.Dialect, b.String())
	if path := os.Getenv("RETORT_ORMTEST_REPORT"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, r := range results {
			fmt.Fprintf(f, "%s\t%s\t%d\t%d\t%d\t%d\n", r.Case, r.Dialect, r.GORMOps, r.EditOps, r.AfterOps, r.EditGORMOps)
		}
	}
}

// runCase: GORM creates the database, retort compares (0 ops); retort
// applies the edit and compares again (0 ops); GORM creates the edited
// models in a second database and retort compares it too (0 ops).
func runCase(t *testing.T, env Env, c Case) Result {
	res := Result{Case: c.Name, Dialect: env.Dialect}
	db := env.Open(t)
	gdb := env.GORM(t, db, c.Settings)
	if err := gdb.AutoMigrate(c.Models...); err != nil {
		t.Fatalf("GORM AutoMigrate: %v", err)
	}
	be := forServer(t, env.Dialect, db)
	target := read(t, c.Models, env.Dialect, c.Settings, gdb)
	list := compare(t, be, db, target)
	res.GORMOps = len(list)
	if len(list) > 0 {
		t.Errorf("against the database GORM created, retort reports %d ops:\n%s", len(list), describe(list))
	}
	if c.Edit == nil {
		t.Fatal("the case has no edit")
	}
	edited := read(t, c.Edit, env.Dialect, c.Settings, gdb)
	up := compare(t, be, db, edited)
	res.EditOps = len(up)
	same := slices.Contains(c.SameOn, env.Dialect)
	switch {
	case same && len(up) > 0:
		t.Errorf("GORM's %s driver gives the edited models the same schema, but retort reports %d ops:\n%s", env.Dialect, len(up), describe(up))
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
	gdb2 := env.GORM(t, db2, c.Settings)
	if err := gdb2.AutoMigrate(c.Edit...); err != nil {
		t.Fatalf("GORM AutoMigrate of the edited models: %v", err)
	}
	be2 := forServer(t, env.Dialect, db2)
	fresh := compare(t, be2, db2, read(t, c.Edit, env.Dialect, c.Settings, gdb2))
	res.EditGORMOps = len(fresh)
	if len(fresh) > 0 {
		t.Errorf("against the database GORM created from the edited models, retort reports %d ops:\n%s", len(fresh), describe(fresh))
	}
	return res
}

// read loads models as the settings and the dialect's GORM driver say,
// asking GORM itself for GormDBDataType types.
func read(t *testing.T, models []any, dialect string, s Settings, gdb *gorm.DB) model.Schema {
	t.Helper()
	res, err := load.Read(models, LoadOptions(dialect, s, gdb))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	for _, w := range res.Warnings {
		t.Logf("load warning: %s", w)
	}
	return res.Schema
}

// LoadOptions are the load options that match the settings on a dialect.
func LoadOptions(dialect string, s Settings, gdb *gorm.DB) load.Options {
	drivers := map[string]load.GORMDriver{"sqlite": load.GORMSQLite, "postgres": load.GORMPostgres, "mysql": load.GORMMySQL}
	return load.Options{Family: model.FamilyGORM, GORM: load.GORMOptions{
		Driver:                                   drivers[dialect],
		TablePrefix:                              s.TablePrefix,
		SingularTable:                            s.SingularTable,
		DisableForeignKeyConstraintWhenMigrating: s.DisableFK,
		DefaultStringSize:                        s.DefaultStringSize,
		DefaultDatetimePrecision:                 s.DefaultDatetimePrecision,
		DBDataType:                               DBDataType(gdb),
	}}
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
