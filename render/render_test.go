package render

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/ops"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name.golden, rewriting it with -update,
// and checks that the golden is gofmt-stable.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got), run go test ./render -update:\n%s", path, diff)
	}
	formatted, err := format.Source(want)
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	if !bytes.Equal(formatted, want) {
		t.Errorf("%s is not gofmt-stable", path)
	}
}

func TestFile(t *testing.T) {
	t.Parallel()
	for _, tc := range fileCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := File(tc.rev, tc.up, tc.down)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, got)
			again, err := File(tc.rev, tc.up, tc.down)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, again) {
				t.Error("rendering twice gave different bytes")
			}
		})
	}
}

// TestFileCoversOps proves the golden cases render every op type but Custom.
func TestFileCoversOps(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, tc := range fileCases() {
		for _, o := range append(append([]ops.Op(nil), tc.up...), tc.down...) {
			seen[fmt.Sprintf("%T", o)] = true
		}
	}
	for _, o := range ops.All() {
		if _, ok := o.(ops.Custom); ok {
			continue
		}
		if !seen[fmt.Sprintf("%T", o)] {
			t.Errorf("no golden case renders %T", o)
		}
	}
}

// testCustom has a field no revision file can hold.
type testCustom struct{ F func() }

func (testCustom) Name() string                        { return "create_policy" }
func (testCustom) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

func TestFileErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		up   []ops.Op
		want error
	}{
		{"custom op", []ops.Op{ops.Custom{Op: testCustom{}}}, ErrUnsupportedOp},
		{"alter column renames", []ops.Op{ops.AlterColumn{Table: "t", From: col("a", "int", true), To: col("b", "int", true)}}, ErrInexact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := File(Revision{Header: ops.Header{ID: "x"}}, tt.up, nil)
			if !errors.Is(err, tt.want) {
				t.Errorf("File() error = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := File(Revision{Header: ops.Header{ID: "x"}, Package: "db-migrations"}, nil, nil); err == nil {
		t.Error("File() with package db-migrations: no error")
	}
	if _, err := EnvFile("db-migrations", "sqlite", "", nil); err == nil {
		t.Error("EnvFile() with package db-migrations: no error")
	}
}

func TestFileName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id, message, want string
	}{
		{"5c1e9a3f7b20", "Add member bio and notes", "5c1e9a3f7b20_add_member_bio_and_notes.go"},
		{"ab", "  add   users.email (unique)! ", "ab_add_users_email_unique.go"},
		{"ab", "Ünïcode café naïve", "ab_n_code_caf_na_ve.go"},
		{"ab", "", "ab.go"},
		{"ab", "!!!", "ab.go"},
		{"ab", "one two three four five six seven eight nine ten", "ab_one_two_three_four_five_six_seven_eight.go"},
		{"ab", "averyveryveryveryveryveryveryveryverylongwordindeed", "ab_averyveryveryveryveryveryveryveryverylon.go"},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			t.Parallel()
			if got := FileName(tt.id, tt.message); got != tt.want {
				t.Errorf("FileName(%q, %q) = %q, want %q", tt.id, tt.message, got, tt.want)
			}
		})
	}
}

func TestEnvFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pkg, dialect, models string
		names                      []string
	}{
		{"env_models", "migrations", "postgres", "example.com/app/models", []string{"User", "Team"}},
		{"env_nomodels", "", "sqlite", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := EnvFile(tt.pkg, tt.dialect, tt.models, tt.names)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, got)
		})
	}
}
