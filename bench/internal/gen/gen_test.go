package gen_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/bench/internal/gen"
	"github.com/retortdb/retort/bench/internal/gen/testmodels"
	"github.com/retortdb/retort/load"
)

var update = flag.Bool("update", false, "rewrite the testmodels package")

// testSpec is the spec testmodels was generated from.
var testSpec = gen.Spec{Tables: 20, ChangeEvery: 7}

// TestModelsFresh fails when the committed testmodels package is not what
// the generator writes now (go test ./bench/internal/gen -update).
func TestModelsFresh(t *testing.T) {
	t.Parallel()
	files, err := testSpec.Models("testmodels")
	if err != nil {
		t.Fatal(err)
	}
	all, err := testSpec.ListFile("testmodels")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, all)
	for _, f := range files {
		path := filepath.Join("testmodels", f.Name)
		if *update {
			if err := os.WriteFile(path, f.Src, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./bench/internal/gen -update)", err)
		}
		if !bytes.Equal(got, f.Src) {
			t.Errorf("%s is stale; run go test ./bench/internal/gen -update", path)
		}
	}
}

// TestModelsLoad proves the generated source and the generated schema say
// the same thing: load.Models of the structs gives Spec.Schema.
func TestModelsLoad(t *testing.T) {
	t.Parallel()
	got, err := load.Models(testmodels.All, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(testSpec.Schema(), got); diff != "" {
		t.Errorf("Load(testmodels) differs from Spec.Schema (-want +got):\n%s", diff)
	}
}

func TestSpec(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		spec    gen.Spec
		files   int
		changes int
		fks     int
	}{
		{"none", gen.Spec{}, 1, 0, 0},
		{"one", gen.Spec{Tables: 1}, 1, 0, 0},
		{"hundred", gen.Spec{Tables: 100, ChangeEvery: 10}, 1, 10, 50},
		{"hundred and one", gen.Spec{Tables: 101, ChangeEvery: 100}, 2, 1, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files, err := tt.spec.Models("models")
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != tt.files {
				t.Errorf("%d files, want %d", len(files), tt.files)
			}
			if got := tt.spec.Changes(); got != tt.changes {
				t.Errorf("Changes() = %d, want %d", got, tt.changes)
			}
			fks := 0
			for _, tb := range tt.spec.Schema().Tables {
				fks += len(tb.ForeignKeys)
			}
			if fks != tt.fks {
				t.Errorf("%d foreign keys, want %d", fks, tt.fks)
			}
		})
	}
}
