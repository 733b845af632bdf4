package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/gomodtest"
	"github.com/retortdb/retort/ops"
)

// encodeOps encodes list as the recorder prints it.
func encodeOps(t *testing.T, list []ops.Op) []gomodtest.EncodedOp {
	t.Helper()
	out, err := gomodtest.EncodeOps(list)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGoldensCompileAndRecord builds the golden revision files, and files
// rendered from random ops, into a migrations package, runs every Upgrade
// and Downgrade, and checks the recorded ops are exactly the ones each file
// was rendered from.
func TestGoldensCompileAndRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	t.Parallel()
	mod := gomodtest.New(t, "rendertest")
	write := mod.Write
	write("migrations/env.go", "package migrations\n\nimport \"github.com/retortdb/retort/migrate\"\n\nvar Env = &migrate.Env{Dialect: \"sqlite\"}\n")
	cases := fileCases()
	for _, tc := range cases {
		src, err := os.ReadFile(filepath.Join("testdata", tc.name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		write("migrations/"+tc.name+".go", string(src))
	}
	for _, tc := range randomCases(30) {
		src, err := File(tc.rev, tc.up, tc.down)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		write("migrations/"+tc.name+".go", string(src))
		cases = append(cases, tc)
	}

	got, err := mod.Record()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		want := gomodtest.Recorded{Upgrade: encodeOps(t, tc.up), Downgrade: encodeOps(t, tc.down)}
		g, ok := got[tc.rev.ID]
		if !ok {
			t.Errorf("%s: revision %s was not registered", tc.name, tc.rev.ID)
			continue
		}
		if diff := gomodtest.Diff(want, g); diff != "" {
			t.Errorf("%s: recorded ops differ from the rendered ones (-want +got):\n%s", tc.name, diff)
		}
	}
}
