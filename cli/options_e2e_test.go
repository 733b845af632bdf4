package cli_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

const optionsModelsV1 = `package models

type Member struct {
	_    struct{} ` + "`" + `db:",table=members"` + "`" + `
	ID   int64    ` + "`" + `db:"id,pk"` + "`" + `
	Nick string   ` + "`" + `db:"nick,size=40"` + "`" + `
}
`

// V2 renames the table and a column (with hints) and widens the column,
// which env.go's CompareType says is not a change.
const optionsModelsV2 = `package models

type Member struct {
	_      struct{} ` + "`" + `db:",table=people,renamed_from=members"` + "`" + `
	ID     int64    ` + "`" + `db:"id,pk"` + "`" + `
	Handle string   ` + "`" + `db:"handle,size=80,renamed_from=nick"` + "`" + `
}
`

const optionsEnv = `package migrations

import (
	"strings"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"

	"example.com/shop/models"
)

var Env = &migrate.Env{
	Dialect: "sqlite",
	Models:  []any{models.Member{}},
	Compare: diff.Options{
		CompareType: func(ctx diff.CompareContext, inspected, metadata model.Column) (changed, decided bool) {
			ib, _ := model.SplitType(ctx.Dialect.NormalizeType(inspected.Type.SQL))
			mb, _ := model.SplitType(ctx.Dialect.NormalizeType(metadata.Type.SQL))
			if ib == mb && strings.Contains(ib, "char") {
				return false, true
			}
			return false, false
		},
		IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
			return !(kind == diff.KindTable && strings.HasPrefix(name, "tmp_"))
		},
	},
}
`

// TestEnvCompareOptions runs autogenerate with comparer options in env.go:
// IncludeName keeps a hand-made table out of check and autogenerate,
// CompareType hides a varchar widening, and rename hints in the models
// give a revision that renames (rows kept) and downgrades back.
func TestEnvCompareOptions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses POSIX paths")
	}
	t.Parallel()
	db := testdb.SQLite(t)
	m := newUserModule(t, db.URL)
	m.write("models/models.go", optionsModelsV1)
	m.run(0, "init", "--dialect", "sqlite", "--models", "./models")
	m.write("migrations/env.go", optionsEnv)

	m.run(0, "revision", "--autogenerate", "-m", "initial")
	m.run(0, "upgrade", "head")
	exec1(t, db.DB, "INSERT INTO members (id, nick) VALUES (1, 'ann'), (2, 'bob')")
	exec1(t, db.DB, "CREATE TABLE tmp_import (x integer)")
	m.run(0, "check") // tmp_import is refused by IncludeName

	m.write("models/models.go", optionsModelsV2)
	m.run(0, "revision", "--autogenerate", "-m", "rename members")
	files, err := filepath.Glob(filepath.Join(m.dir, "migrations", "*_rename_members.go"))
	if err != nil || len(files) != 1 {
		t.Fatalf("revision file: %v %v", files, err)
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`op.RenameTable("members", "people")`, `op.RenameColumn("people", "nick", "handle")`} {
		if !strings.Contains(string(src), want) {
			t.Errorf("revision file lacks %s:\n%s", want, src)
		}
	}
	for _, unwanted := range []string{"DropTable", "CreateTable", "AlterColumn", "tmp_import"} {
		if strings.Contains(string(src), unwanted) {
			t.Errorf("revision file has %s:\n%s", unwanted, src)
		}
	}
	m.run(0, "upgrade", "head")
	m.run(0, "check")
	if n := count(t, db.DB, "SELECT count(*) FROM people WHERE (id = 1 AND handle = 'ann') OR (id = 2 AND handle = 'bob')"); n != 2 {
		t.Errorf("after the rename: %d rows kept, want 2", n)
	}
	m.run(0, "downgrade", "-1")
	if n := count(t, db.DB, "SELECT count(*) FROM members WHERE (id = 1 AND nick = 'ann') OR (id = 2 AND nick = 'bob')"); n != 2 {
		t.Errorf("after the downgrade: %d rows back, want 2", n)
	}
	if n := count(t, db.DB, "SELECT count(*) FROM tmp_import"); n != 0 {
		t.Errorf("tmp_import changed")
	}
}
