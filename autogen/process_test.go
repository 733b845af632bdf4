package autogen_test

import (
	"context"
	"errors"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

func TestProcess(t *testing.T) {
	t.Parallel()
	status := model.Column{Name: "status", Type: model.Type{SQL: "text"}, Default: "'new'"}
	env := &migrate.Env{
		Dialect:     "postgres",
		Rewriter:    rewriter.TwoStepNotNull(),
		ScriptHooks: []rewriter.ScriptHook{rewriter.SkipEmpty},
	}
	up := []ops.Op{ops.AddColumn{Table: "users", Column: status}}
	got, err := autogen.Process(env, ops.Script{ID: "a1", Message: "status", Upgrade: up, Downgrade: []ops.Op{ops.DropColumn{Table: "users", Column: status}}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Upgrade) != 3 || len(got[0].Downgrade) != 1 {
		t.Errorf("Process() = %+v, want one script with 3 upgrade ops and 1 downgrade op", got)
	}
	none, err := autogen.Process(env, ops.Script{ID: "a2", Message: "nothing"}, true)
	if err != nil || len(none) != 0 {
		t.Errorf("Process(empty) = %v, %v; want no scripts", none, err)
	}
	kept, err := autogen.Process(&migrate.Env{}, ops.Script{ID: "a3", Message: "nothing"}, true)
	if err != nil || len(kept) != 1 {
		t.Errorf("zero Env Process(empty) = %v, %v; want the script kept", kept, err)
	}
	var nilRewriter *rewriter.Rewriter
	kept, err = autogen.Process(&migrate.Env{Rewriter: nilRewriter}, ops.Script{ID: "a4", Message: "nothing", Upgrade: up}, true)
	if err != nil || len(kept) != 1 || len(kept[0].Upgrade) != 1 {
		t.Errorf("nil *rewriter.Rewriter: Process() = %v, %v; want the script as it is", kept, err)
	}
}

// dropAll is a Rewriter that is not a *rewriter.Rewriter: its hook empties
// every upgrade.
type dropAll struct{}

func (dropAll) Hook() ops.ScriptHook {
	return func(_ ops.ScriptContext, scripts []ops.Script) ([]ops.Script, error) {
		out := make([]ops.Script, len(scripts))
		for i, s := range scripts {
			s.Upgrade = nil
			out[i] = s
		}
		return out, nil
	}
}

// TestProcessOtherRewriter runs a Rewriter of another type through its
// Hook, before the script hooks.
func TestProcessOtherRewriter(t *testing.T) {
	t.Parallel()
	up := []ops.Op{ops.DropTable{Table: model.Table{Name: "t"}}}
	env := &migrate.Env{Rewriter: dropAll{}, ScriptHooks: []ops.ScriptHook{rewriter.SkipEmpty}}
	got, err := autogen.Process(env, ops.Script{ID: "a1", Message: "drop", Upgrade: up}, true)
	if err != nil || len(got) != 0 {
		t.Errorf("Process() = %v, %v; want the emptied script skipped", got, err)
	}
}

// onlyUsers is a CompareOptions that is not a diff.Options.
type onlyUsers struct{}

func (onlyUsers) IncludesSchema(string) bool        { return true }
func (onlyUsers) IncludesTable(_, name string) bool { return name == "users" }

// TestCompareOptionsTypes: env.go's Compare may be a diff.Options, a
// pointer to one or nil; another implementation is refused by name.
func TestCompareOptionsTypes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	gd, err := autogen.Open(ctx, db.DB, "sqlite")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE skipped (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	skip := diff.Options{IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
		return kind != diff.KindTable || name != "skipped"
	}}
	for _, c := range []struct {
		name    string
		compare migrate.CompareOptions
		ops     int
	}{
		{"nil", nil, 1},
		{"value", skip, 0},
		{"pointer", &skip, 0},
		{"nil pointer", (*diff.Options)(nil), 1},
	} {
		res, err := autogen.Compare(ctx, gd, &migrate.Env{Dialect: "sqlite", Compare: c.compare}, autogen.Options{Target: &model.Schema{}})
		if err != nil || len(res.Ops) != c.ops {
			t.Errorf("%s: Compare() = %v, %v; want %d ops", c.name, res.Ops, err, c.ops)
		}
	}
	_, err = autogen.Compare(ctx, gd, &migrate.Env{Dialect: "sqlite", Compare: onlyUsers{}}, autogen.Options{Target: &model.Schema{}})
	if !errors.Is(err, autogen.ErrCompareOptions) {
		t.Errorf("Compare with a %T: err = %v, want ErrCompareOptions", onlyUsers{}, err)
	}
}
