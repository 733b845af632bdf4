package autogen_test

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Team and Member are the models of these tests.
type Team struct {
	ID   int64  `db:"id,pk"`
	Name string `db:"name,type=varchar(100),unique"`
}

// TableName names the table.
func (Team) TableName() string { return "teams" }

// Member belongs to a team.
type Member struct {
	ID     int64   `db:"id,pk"`
	TeamID int64   `db:"team_id,fk=teams.id,ondelete=cascade,index"`
	Nick   *string `db:"nick,type=varchar(40)"`
}

// TableName names the table.
func (Member) TableName() string { return "members" }

// register adds a built revision to env, recording exactly the ops of its
// file's script, as the compiled file would.
func register(env *migrate.Env, f autogen.File) {
	up, down := f.Script.Upgrade, f.Script.Downgrade
	env.Add(migrate.Revision{
		ID: f.Script.ID, Revises: f.Script.Revises, Message: f.Script.Message,
		Upgrade:   func(op *migrate.Op) { addAll(op, up) },
		Downgrade: func(op *migrate.Op) { addAll(op, down) },
	})
}

func addAll(op *migrate.Op, list []ops.Op) {
	for _, o := range list {
		op.Add(o)
	}
}

// columnsOf reads a table's column names from the server's own catalog.
func columnsOf(t *testing.T, db *testdb.DB, table string) []string {
	t.Helper()
	q := "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "' AND table_schema = current_schema() ORDER BY ordinal_position"
	switch db.Dialect {
	case "sqlite":
		q = "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"
	case "mysql":
		q = "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "' AND table_schema = DATABASE() ORDER BY ordinal_position"
	}
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPipeline runs autogenerate as the command does, on each dialect:
// check finds the models missing, Revision builds a parseable file
// without writing it, the revision applies, then check and compare find
// nothing; a revision built while the database is behind is refused with a
// *NotAtHeadError; CheckMigrations passes on a scratch database.
func TestPipeline(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			env := &migrate.Env{Dialect: d, Models: []any{Team{}, Member{}},
				Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}

			rep, err := autogen.Check(ctx, gd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc := rep.Document()
			if rep.InSync() || doc.InSync || len(rep.Ops) < 3 || doc.Dialect != d {
				t.Fatalf("check on an empty database: in sync %v, %d ops, dialect %q; want drift of at least 3 ops (2 tables, 1 index):\n%v", rep.InSync(), len(rep.Ops), doc.Dialect, rep.Ops)
			}
			if got := strings.Join(doc.Objects, " "); !strings.Contains(got, "members") || !strings.Contains(got, "teams") {
				t.Errorf("document objects = %q, want both tables", got)
			}

			spec := autogen.RevisionSpec{ID: "aaaa00000001", Message: "initial", Autogenerate: true,
				CreateDate: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
			res, err := autogen.Revision(ctx, &gd, env, spec, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Files) != 1 {
				t.Fatalf("%d files, want 1", len(res.Files))
			}
			f := res.Files[0]
			if f.Name != "aaaa00000001_initial.go" {
				t.Errorf("file name %q", f.Name)
			}
			if _, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Source, parser.AllErrors); err != nil {
				t.Fatalf("the file does not parse: %v\n%s", err, f.Source)
			}
			for _, want := range []string{`op.CreateTable("teams"`, `op.CreateTable("members"`, `op.DropTable("teams"`, "Create Date: 2026-01-02 03:04:05 UTC"} {
				if !strings.Contains(string(f.Source), want) {
					t.Errorf("file lacks %q:\n%s", want, f.Source)
				}
			}
			register(env, f)
			if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(columnsOf(t, db, "members"), ","); got != "id,team_id,nick" {
				t.Errorf("members columns per the catalog: %s", got)
			}
			if rep, err = autogen.Check(ctx, gd, env, autogen.Options{}); err != nil {
				t.Fatal(err)
			}
			if !rep.InSync() || len(rep.Current) != 1 || rep.Current[0] != "aaaa00000001" {
				t.Errorf("after upgrade: in sync %v, current %v, ops %v", rep.InSync(), rep.Current, rep.Ops)
			}

			_, err = autogen.Revision(ctx, &gd, env, autogen.RevisionSpec{ID: "bbbb00000002", Message: "stale", Autogenerate: true}, autogen.Options{})
			var nah *autogen.NotAtHeadError
			if !errors.As(err, &nah) || len(nah.Current) != 1 || len(nah.Want) != 0 {
				t.Errorf("revision from base on a database at aaaa00000001: err = %v, want a *NotAtHeadError", err)
			}

			scratch := testdb.Open(t, d)
			sd, err := autogen.Open(ctx, scratch.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			mr, err := autogen.CheckMigrations(ctx, sd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if mr.Revisions != 1 || mr.Failed() != 0 || len(mr.Checks) != 4 {
				t.Errorf("CheckMigrations: %+v", mr)
			}
		})
	}
}

// TestRevisionWithoutAutogenerate builds an empty hand-written revision
// without a database.
func TestRevisionWithoutAutogenerate(t *testing.T) {
	t.Parallel()
	env := &migrate.Env{Dialect: "sqlite"}
	res, err := autogen.Revision(context.Background(), nil, env, autogen.RevisionSpec{ID: "cccc00000003", Message: "by hand", Package: "db"}, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || !strings.HasPrefix(string(res.Files[0].Source), "// By hand.") || !strings.Contains(string(res.Files[0].Source), "package db\n") {
		t.Fatalf("files: %+v", res.Files)
	}
}

// TestRevisionDowngradeReview: a revision whose downgrade loses data
// beyond undoing its upgrade (here a comparator's raw DROP TABLE) carries
// the commented-out Reviewed line, saying the downgrade is refused; one
// whose downgrade only undoes it does not.
func TestRevisionDowngradeReview(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	gd, err := autogen.Open(ctx, db.DB, "sqlite")
	if err != nil {
		t.Fatal(err)
	}
	audit := func(_ diff.CompareContext, _, _ model.Schema) ([]ops.Op, error) {
		return []ops.Op{ops.Execute{SQL: "CREATE TABLE audit (id INTEGER)", DownSQL: "DROP TABLE audit"}}, nil
	}
	for _, c := range []struct {
		name   string
		env    *migrate.Env
		review bool
	}{
		{"undoing", &migrate.Env{Dialect: "sqlite", Models: []any{Team{}}}, false},
		{"raw drop", &migrate.Env{Dialect: "sqlite", Models: []any{Team{}}, Compare: diff.Options{Comparators: []diff.Comparator{audit}}}, true},
	} {
		res, err := autogen.Revision(ctx, &gd, c.env, autogen.RevisionSpec{ID: "dddd00000004", Message: c.name, Autogenerate: true}, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f := res.Files[0]
		src := string(f.Source)
		if f.DowngradeNeedsReview != c.review || f.NeedsReview != c.review || strings.Contains(src, `// Reviewed: []string{"data-loss"},`) != c.review {
			t.Errorf("%s: DowngradeNeedsReview %v, NeedsReview %v; want %v:\n%s", c.name, f.DowngradeNeedsReview, f.NeedsReview, c.review, src)
		}
		if c.review && !strings.Contains(src, "// retort: this downgrade has data loss findings") {
			t.Errorf("%s: the review comment does not name the downgrade:\n%s", c.name, src)
		}
	}
}

// TestCheckMigrationsIgnoresTheGate: the scratch database holds no data,
// so a revision that drops a column without review still checks.
func TestCheckMigrationsIgnoresTheGate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	env := &migrate.Env{Dialect: "sqlite", Models: []any{Team{}}}
	first := testdb.SQLite(t)
	gd, err := autogen.Open(ctx, first.DB, "sqlite")
	if err != nil {
		t.Fatal(err)
	}
	res, err := autogen.Revision(ctx, &gd, env, autogen.RevisionSpec{ID: "aaaa00000001", Message: "initial", Autogenerate: true}, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	register(env, res.Files[0])
	slug := model.Column{Name: "slug", Type: model.Type{SQL: "TEXT"}, Nullable: true}
	env.Add(migrate.Revision{ID: "bbbb00000002", Revises: "aaaa00000001", Message: "add slug",
		Upgrade:   func(op *migrate.Op) { op.Add(ops.AddColumn{Table: "teams", Column: slug}) },
		Downgrade: func(op *migrate.Op) { op.Add(ops.DropColumn{Table: "teams", Column: slug}) }})
	env.Add(migrate.Revision{ID: "cccc00000003", Revises: "bbbb00000002", Message: "drop slug",
		Upgrade:   func(op *migrate.Op) { op.Add(ops.DropColumn{Table: "teams", Column: slug}) },
		Downgrade: func(op *migrate.Op) { op.Add(ops.AddColumn{Table: "teams", Column: slug}) }})
	scratch := testdb.SQLite(t)
	sd, err := autogen.Open(ctx, scratch.DB, "sqlite")
	if err != nil {
		t.Fatal(err)
	}
	mr, err := autogen.CheckMigrations(ctx, sd, env, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if mr.Revisions != 3 || mr.Failed() != 0 {
		t.Errorf("CheckMigrations: %+v", mr)
	}
}
