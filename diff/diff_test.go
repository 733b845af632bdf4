package diff_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var update = flag.Bool("update", false, "rewrite the want.ops sections of testdata/*.txtar")

// archive is a txtar archive: a comment, then "-- name --" sections.
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

func parseArchive(text string) archive {
	var a archive
	cur := -1
	for line := range strings.SplitAfterSeq(text, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			a.files = append(a.files, archiveFile{name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			cur = len(a.files) - 1
			continue
		}
		if cur < 0 {
			a.comment += line
		} else {
			a.files[cur].data += line
		}
	}
	return a
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.name, f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func (a archive) file(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

func decodeSchema(t *testing.T, text string) model.Schema {
	t.Helper()
	var s model.Schema
	if strings.TrimSpace(text) == "" {
		return s
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("decoding schema: %v", err)
	}
	return s
}

// describe renders an op list (or the error) one line per op, as want.ops
// holds it.
func describe(list []ops.Op, err error) string {
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	var b strings.Builder
	for _, op := range list {
		b.WriteString(ops.Describe(op))
		b.WriteString("\n")
	}
	return b.String()
}

// optionsFor reads options from the archive comment: a line "options:
// ignore-types ignore-defaults".
func optionsFor(comment string) diff.Options {
	var o diff.Options
	for line := range strings.SplitSeq(comment, "\n") {
		rest, ok := strings.CutPrefix(line, "options:")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(rest) {
			switch w {
			case "ignore-types":
				o.IgnoreTypes = true
			case "ignore-defaults":
				o.IgnoreServerDefaults = true
			}
		}
	}
	return o
}

// TestCompare runs every testdata/*.txtar case: Compare(current, target)
// must describe as want.ops; the upgrade must apply to current in the
// simulator and converge (comparing the result with target gives nothing),
// and its reverse must bring back current; and shuffling the order of
// tables, constraints and enums must not change the ops.
func TestCompare(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(raw))
			curText, ok1 := a.file("current")
			tgtText, ok2 := a.file("target")
			want, ok3 := a.file("want.ops")
			if !ok1 || !ok2 || !ok3 {
				t.Fatalf("%s needs sections current, target and want.ops", path)
			}
			current, target := decodeSchema(t, curText), decodeSchema(t, tgtText)
			opts := optionsFor(a.comment)
			d := testDialect{}

			list, err := diff.Compare(current, target, d, opts)
			got := describe(list, err)
			if *update {
				for i := range a.files {
					if a.files[i].name == "want.ops" {
						a.files[i].data = got
					}
				}
				if err := os.WriteFile(path, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if d := gocmp.Diff(want, got); d != "" {
				t.Errorf("ops (-want +got):\n%s", d)
			}
			if err != nil {
				return
			}
			checkShuffled(t, current, target, opts, list)
			if opts.IgnoreTypes || opts.IgnoreServerDefaults {
				return // an ignored difference does not converge by design
			}
			checkRoundTrip(t, current, target, list)
		})
	}
}

// checkRoundTrip applies the upgrade and its reverse in the simulator.
func checkRoundTrip(t *testing.T, current, target model.Schema, list []ops.Op) {
	t.Helper()
	d := testDialect{}
	upgraded, err := apply(current, list)
	if err != nil {
		t.Fatalf("upgrade does not apply: %v", err)
	}
	again, err := diff.Compare(upgraded, target, d, diff.Options{})
	if err != nil || len(again) > 0 {
		t.Errorf("upgrade does not converge; comparing again gives:\n%s", describe(again, err))
	}
	down, at, ok := ops.ReverseList(list)
	if !ok {
		if _, isEnum := list[at].(ops.AddEnumValue); !isEnum {
			t.Errorf("op %d (%s) has no reverse", at, ops.Describe(list[at]))
		}
		return
	}
	back, err := apply(upgraded, down)
	if err != nil {
		t.Fatalf("downgrade does not apply: %v\ndowngrade:\n%s", err, describe(down, nil))
	}
	if d := gocmp.Diff(normalize(current), normalize(back), equateEmpty); d != "" {
		t.Errorf("upgrade then downgrade does not give back current (-current +back):\n%s", d)
	}
}

// checkShuffled compares shuffled copies of both schemas and wants the same ops.
func checkShuffled(t *testing.T, current, target model.Schema, opts diff.Options, want []ops.Op) {
	t.Helper()
	for seed := range uint64(5) {
		r := rand.New(rand.NewPCG(seed, 42))
		got, err := diff.Compare(shuffle(r, current), shuffle(r, target), testDialect{}, opts)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if d := gocmp.Diff(want, got, equateEmpty); d != "" {
			t.Fatalf("seed %d: shuffled input gives other ops (-want +got):\n%s", seed, d)
		}
	}
}

// shuffle returns s with tables, enums and every table's indexes, unique
// constraints, foreign keys and checks in random order. Column order means
// something (AddColumn follows it), so it stays.
func shuffle(r *rand.Rand, s model.Schema) model.Schema {
	s = s.Clone()
	shuf(r, s.Tables)
	shuf(r, s.Enums)
	shuf(r, s.Extensions)
	for i := range s.Tables {
		t := &s.Tables[i]
		shuf(r, t.Indexes)
		shuf(r, t.Uniques)
		shuf(r, t.ForeignKeys)
		shuf(r, t.Checks)
		shuf(r, t.Excludes)
	}
	return s
}

func shuf[T any](r *rand.Rand, list []T) {
	r.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
}

func TestCompareErrors(t *testing.T) {
	t.Parallel()
	users := model.Table{Name: "users", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "integer"}}}}
	mood := func(vals ...string) model.Enum { return model.Enum{Name: "mood", Values: vals} }
	tests := []struct {
		name    string
		current model.Schema
		target  model.Schema
		want    error
	}{
		{"duplicate target table", model.Schema{}, model.Schema{Tables: []model.Table{users, users}}, diff.ErrDuplicate},
		{"duplicate current table", model.Schema{Tables: []model.Table{users, users}}, model.Schema{}, diff.ErrDuplicate},
		{"duplicate enum", model.Schema{}, model.Schema{Enums: []model.Enum{mood("a"), mood("b")}}, diff.ErrDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := diff.Compare(tt.current, tt.target, testDialect{}, diff.Options{})
			if !errors.Is(err, tt.want) {
				t.Errorf("Compare error = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestCompareDoesNotModifyInput checks that Compare leaves both schemas as
// they were, even where it resolves types or strips indexes.
func TestCompareDoesNotModifyInput(t *testing.T) {
	t.Parallel()
	target := model.Schema{Tables: []model.Table{{
		Name:    "b",
		Columns: []model.Column{{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}}, {Name: "a_id", Type: model.Type{Logical: model.LogicalInt}}},
		Indexes: []model.Index{{Name: "ix_b_a_id", Parts: []model.IndexPart{{Column: "a_id"}}}},
		ForeignKeys: []model.ForeignKey{
			{Name: "fk_z", Columns: []string{"a_id"}, RefTable: "a", RefColumns: []string{"id"}},
			{Name: "fk_a", Columns: []string{"id"}, RefTable: "a", RefColumns: []string{"id"}},
		},
	}}}
	current := model.Schema{Tables: []model.Table{{Name: "old", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "integer"}}},
		Indexes: []model.Index{{Name: "ix", Parts: []model.IndexPart{{Column: "id"}}}}}}}
	before := target.Clone()
	beforeCur := current.Clone()
	if _, err := diff.Compare(current, target, testDialect{}, diff.Options{}); err != nil {
		t.Fatal(err)
	}
	if d := gocmp.Diff(before, target); d != "" {
		t.Errorf("target changed (-before +after):\n%s", d)
	}
	if d := gocmp.Diff(beforeCur, current); d != "" {
		t.Errorf("current changed (-before +after):\n%s", d)
	}
}

// TestOpsCarrySQLTypes checks that logical target types leave diff resolved.
func TestOpsCarrySQLTypes(t *testing.T) {
	t.Parallel()
	target := model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{{Name: "n", Type: model.Type{Logical: model.LogicalInt}}}}}}
	list, err := diff.Compare(model.Schema{}, target, testDialect{}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := list[0].(ops.CreateTable).Table.Columns[0].Type.SQL
	if got != "integer" {
		t.Errorf("column type SQL = %q, want %q", got, "integer")
	}
}

// TestIgnoredAspectsStay checks that an AlterColumn made for another reason
// keeps the aspects Options ignore as reflected, so applying it changes
// nothing the options said to leave alone.
func TestIgnoredAspectsStay(t *testing.T) {
	t.Parallel()
	col := func(typ, def string, null bool) model.Schema {
		return model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{{Name: "c", Type: model.Type{SQL: typ}, Default: def, Nullable: null}}}}}
	}
	current, target := col("varchar(40)", "'a'", true), col("text", "'b'", false)
	tests := []struct {
		name string
		opts diff.Options
		want ops.AlterColumn
	}{
		{"compare everything", diff.Options{}, ops.AlterColumn{Table: "t", Change: ops.ChangeType | ops.ChangeNullable | ops.ChangeDefault,
			From: current.Tables[0].Columns[0], To: target.Tables[0].Columns[0]}},
		{"ignore types", diff.Options{IgnoreTypes: true}, ops.AlterColumn{Table: "t", Change: ops.ChangeNullable | ops.ChangeDefault,
			From: current.Tables[0].Columns[0], To: model.Column{Name: "c", Type: model.Type{SQL: "varchar(40)"}, Default: "'b'"}}},
		{"ignore defaults", diff.Options{IgnoreServerDefaults: true}, ops.AlterColumn{Table: "t", Change: ops.ChangeType | ops.ChangeNullable,
			From: current.Tables[0].Columns[0], To: model.Column{Name: "c", Type: model.Type{SQL: "text"}, Default: "'a'"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			list, err := diff.Compare(current, target, testDialect{}, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if d := gocmp.Diff([]ops.Op{tt.want}, list); d != "" {
				t.Errorf("ops (-want +got):\n%s", d)
			}
		})
	}
}
