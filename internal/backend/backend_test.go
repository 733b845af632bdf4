package backend

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/load"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, err := Lookup(strings.ToUpper(name))
			if err != nil {
				t.Fatal(err)
			}
			if b.Dialect == nil || b.Inspector == nil {
				t.Fatalf("Lookup(%q) = %+v, want a dialect and an inspector", name, b)
			}
			if string(b.Dialect.Name()) != b.Name {
				t.Errorf("Lookup(%q): Name %q, Dialect.Name() %q", name, b.Name, b.Dialect.Name())
			}
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	t.Parallel()
	_, err := Lookup("oracle")
	if !errors.Is(err, ErrUnknown) {
		t.Fatalf("err = %v, want ErrUnknown", err)
	}
	if !strings.Contains(err.Error(), `"oracle"`) || !strings.Contains(err.Error(), strings.Join(Names(), ", ")) {
		t.Errorf("err = %q, want the name and the valid names", err)
	}
}

// TestORMPaths: every backend's GORM driver and bun dialect are import
// paths the loader knows.
func TestORMPaths(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		b, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := load.ParseGORMDriver(b.GORMDriver); !ok {
			t.Errorf("%s: GORM driver %q is not one load knows", name, b.GORMDriver)
		}
		if _, ok := load.ParseBunDialect(b.BunDialect); !ok {
			t.Errorf("%s: bun dialect %q is not one load knows", name, b.BunDialect)
		}
	}
}
