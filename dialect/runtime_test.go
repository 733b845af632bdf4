package dialect_test

import (
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/testdb"
)

func TestParseName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]dialect.Name{
		"sqlite": dialect.SQLite, "SQLite3": dialect.SQLite, " postgres ": dialect.Postgres,
		"postgresql": dialect.Postgres, "pg": dialect.Postgres, "MySQL": dialect.MySQL, "mariadb": dialect.MySQL,
	} {
		if got, ok := dialect.ParseName(in); !ok || got != want {
			t.Errorf("ParseName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := dialect.ParseName("oracle"); ok {
		t.Errorf("ParseName(oracle) = %q, true", got)
	}
	if err := dialect.UnknownNameError("oracle"); !errors.Is(err, dialect.ErrUnknownName) {
		t.Errorf("UnknownNameError does not wrap ErrUnknownName: %v", err)
	}
	for _, d := range []dialect.Dialect{sqlite.New(), postgres.New(), mysql.New()} {
		if got, ok := dialect.ParseName(string(d.Name())); !ok || got != d.Name() {
			t.Errorf("ParseName(%q) = %q, %v", d.Name(), got, ok)
		}
	}
}

// TestProbeAndIdentify: on each server, Identify names it, its own
// dialect's probe accepts it and the others refuse it.
func TestProbeAndIdentify(t *testing.T) {
	t.Parallel()
	dialects := []dialect.Dialect{sqlite.New(), postgres.New(), mysql.New()}
	for _, server := range testdb.Dialects() {
		t.Run(server, func(t *testing.T) {
			t.Parallel()
			db := testdb.Open(t, server)
			want, _ := dialect.ParseName(server)
			if got, ok := dialect.Identify(t.Context(), db); !ok || got != want {
				t.Errorf("Identify = %q, %v; want %q", got, ok, want)
			}
			for _, d := range dialects {
				p, ok := d.(dialect.ServerProbe)
				if !ok {
					t.Fatalf("%s is not a ServerProbe", d.Name())
				}
				got, err := p.ProbeServer(t.Context(), db)
				switch {
				case d.Name() == want && err != nil:
					t.Errorf("%s probe on its own server: %v", d.Name(), err)
				case d.Name() == want && got.Name() != want:
					t.Errorf("%s probe returned the %s dialect", d.Name(), got.Name())
				case d.Name() != want && err == nil:
					t.Errorf("%s probe accepted a %s server", d.Name(), server)
				}
			}
		})
	}
}
