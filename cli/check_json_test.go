package cli_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkDoc is the part of the check JSON document the tests read.
type checkDoc struct {
	Version  int    `json:"version"`
	Dialect  string `json:"dialect"`
	InSync   bool   `json:"in_sync"`
	Revision struct {
		Current []string `json:"current"`
		Heads   []string `json:"heads"`
		Pending int      `json:"pending"`
	} `json:"revision"`
	Ops     []json.RawMessage `json:"ops"`
	Objects []string          `json:"objects"`
}

// TestCheckJSON pins the shape of `retort check --format json` with a
// golden file: model drift with findings, and a pending revision whose
// unreviewed data loss upgrade will refuse. Revision ids are fixed with
// --rev-id and the document holds no timestamps, so nothing is normalised.
func TestCheckJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Run("in sync", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		out := m.run(0, "check", "--format", "json")
		var doc checkDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if !doc.InSync || doc.Version != 1 || doc.Dialect != "sqlite" || doc.Revision.Pending != 0 || len(doc.Ops) != 0 ||
			!cmp.Equal(doc.Revision.Current, []string{"aaaa00000001"}) || doc.Objects == nil {
			t.Errorf("in-sync document:\n%s", out)
		}
	})
	t.Run("drift and pending", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		m.write("migrations/bbbb00000002_drop_role.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() {
	Env.Add(migrate.Revision{
		ID:      "bbbb00000002",
		Revises: "aaaa00000001",
		Message: "drop role",
		Upgrade: func(op *migrate.Op) {
			op.DropIndex("ix_users_role", "users", "role")
			op.DropColumn("users", "role", op.Column("role", "varchar(20)").NotNull().Default("'member'"))
		},
		Downgrade: func(op *migrate.Op) {
			op.AddColumn("users", op.Column("role", "varchar(20)").NotNull().Default("'member'"))
			op.CreateIndex("ix_users_role", "users", "role")
		},
	})
}
`)
		m.copyModels("step2")
		m.addModel("Note")
		out := m.run(1, "check", "--format", "json")
		var doc checkDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		golden(t, "check_json", out)
	})
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -run %s -update)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got), run go test ./cli -update:\n%s", path, diff)
	}
}
