package rewriter_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/examples/policy"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
	"github.com/retortdb/retort/rewriter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenCase is one `retort revision --autogenerate` run: the differ's
// upgrade, what env.go configures, and the files that come out.
type goldenCase struct {
	name    string
	dialect string
	r       *rewriter.Rewriter
	hooks   []rewriter.ScriptHook
	message string
	upgrade []ops.Op
}

// parent is the revision every golden case revises.
const parent = "3f2a9c1b7d4e"

var created = time.Date(2026, 11, 22, 10, 4, 51, 0, time.UTC)

// addRLS is a rewriter that protects the documents table with row-level
// security as it is created, using the custom ops of examples/policy, and
// drops them again before the table in the downgrade.
func addRLS() *rewriter.Rewriter {
	r := rewriter.New()
	rewriter.On(r, func(ctx rewriter.Context, op ops.CreateTable) ([]ops.Op, error) {
		if op.Table.Name != "documents" || ctx.Direction != rewriter.Upgrade {
			return []ops.Op{op}, nil
		}
		return []ops.Op{
			op,
			ops.Custom{Op: &policy.EnableRowSecurity{Table: "documents"}},
			ops.Custom{Op: &policy.CreatePolicy{
				Table: "documents", Policy: "owner_only", Command: policy.All,
				Roles: []string{"app_user"}, Using: "owner = current_user",
			}},
		}, nil
	})
	rewriter.On(r, func(ctx rewriter.Context, op ops.DropTable) ([]ops.Op, error) {
		if op.Table.Name != "documents" || ctx.Direction != rewriter.Downgrade {
			return []ops.Op{op}, nil
		}
		return []ops.Op{
			ops.Custom{Op: &policy.DropPolicy{
				Table: "documents", Policy: "owner_only", Command: policy.All,
				Roles: []string{"app_user"}, Using: "owner = current_user",
			}},
			ops.Custom{Op: &policy.DisableRowSecurity{Table: "documents"}},
			op,
		}, nil
	})
	return r
}

func goldenCases() []goldenCase {
	status := model.Column{Name: "status", Type: model.Type{SQL: "varchar(20)"}, Default: "'active'"}
	bio := model.Column{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true}
	ixEmail := ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_email", Unique: true, Parts: []model.IndexPart{{Column: "email"}}}}
	ixOld := ops.DropIndex{Table: "users", Index: model.Index{Name: "ix_users_name", Parts: []model.IndexPart{{Column: "name"}}}}
	documents := model.Table{
		Name: "documents",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
			{Name: "owner", Type: model.Type{SQL: "text"}},
		},
		PrimaryKey: model.PrimaryKey{Name: "pk_documents", Columns: []string{"id"}},
	}
	return []goldenCase{
		{"two_step_not_null", "postgres", rewriter.TwoStepNotNull(), nil, "add user status",
			[]ops.Op{ops.AddColumn{Table: "users", Column: status}, ops.AddColumn{Table: "users", Column: bio}}},
		{"concurrent_indexes", "postgres", rewriter.ConcurrentIndexes(), nil, "index user email",
			[]ops.Op{ixEmail, ixOld}},
		{"concurrent_indexes_sqlite", "sqlite", rewriter.ConcurrentIndexes(), nil, "index user email",
			[]ops.Op{ixEmail}},
		{"chain", "postgres", rewriter.TwoStepNotNull().Chain(rewriter.ConcurrentIndexes()), nil, "user status and email index",
			[]ops.Op{ops.AddColumn{Table: "users", Column: status}, ixEmail}},
		{"skip_empty", "postgres", nil, []rewriter.ScriptHook{rewriter.SkipEmpty}, "nothing changed", nil},
		{"no_skip_empty", "postgres", nil, nil, "nothing changed", nil},
		{"split", "postgres", rewriter.ConcurrentIndexes(), []rewriter.ScriptHook{splitIndexes}, "user bio and email index",
			[]ops.Op{ops.AddColumn{Table: "users", Column: bio}, ixEmail}},
		{"custom_op", "postgres", addRLS(), nil, "create documents",
			[]ops.Op{ops.CreateTable{Table: documents}}},
	}
}

// generated is one file a case writes, with the ops it was rendered from.
type generated struct {
	name     string
	script   rewriter.Script
	contents []byte
}

// generate runs a case as the CLI does: Process, Link, render.
func generate(t *testing.T, tc goldenCase) []generated {
	t.Helper()
	down, bad, ok := ops.ReverseList(tc.upgrade)
	if !ok {
		t.Fatalf("op %d does not reverse", bad)
	}
	id := "a0" + strings.ReplaceAll(tc.name, "_", "")
	in := rewriter.Script{ID: id, Message: tc.message, Upgrade: tc.upgrade, Downgrade: down}
	scripts, err := rewriter.Process(rewriter.ScriptContext{Dialect: tc.dialect, SQLDialect: sqlDialect(tc.dialect), Autogenerate: true}, tc.r, tc.hooks, in)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	scripts, err = rewriter.Link(scripts, parent, func() string { n++; return fmt.Sprintf("%s_%d", id, n) })
	if err != nil {
		t.Fatal(err)
	}
	var out []generated
	for _, s := range scripts {
		src, err := render.File(render.Revision{
			Header:        ops.Header{ID: s.ID, Revises: s.Revises, Message: s.Message, BranchLabels: s.BranchLabels, DependsOn: s.DependsOn},
			CreateDate:    created,
			Autogenerated: true,
		}, s.Upgrade, s.Downgrade)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, generated{name: render.FileName(s.ID, s.Message), script: s, contents: src})
	}
	return out
}

// archive lays the files out one after the other under "-- name --" lines.
func archive(files []generated) []byte {
	var b bytes.Buffer
	if len(files) == 0 {
		b.WriteString("# No revision file is written.\n")
	}
	for _, f := range files {
		fmt.Fprintf(&b, "-- %s --\n", f.name)
		b.Write(f.contents)
	}
	return b.Bytes()
}

// unarchive splits an archive back into file name and contents.
func unarchive(data []byte) map[string][]byte {
	out := map[string][]byte{}
	var name string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --\n") {
			name = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --\n")
			out[name] = nil
			continue
		}
		if name != "" {
			out[name] = append(out[name], line...)
		}
	}
	return out
}

func TestGoldenFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := archive(generate(t, tc))
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./rewriter -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got), run go test ./rewriter -update:\n%s", path, diff)
			}
			for name, src := range unarchive(want) {
				formatted, err := format.Source(src)
				if err != nil {
					t.Fatalf("%s: %s does not parse: %v", path, name, err)
				}
				if !bytes.Equal(formatted, src) {
					t.Errorf("%s: %s is not gofmt-stable", path, name)
				}
			}
		})
	}
}
