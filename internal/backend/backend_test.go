package backend

import (
	"errors"
	"strings"
	"testing"
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
