package seqopt

import (
	"errors"
	"testing"
)

func TestCanonical(t *testing.T) {
	for _, c := range []struct {
		in   string
		bits int
		want string
	}{
		{"", 64, ""},
		{"START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1", 64, ""},
		{"(start 1000 increment 10 minvalue 1000 maxvalue 9999999 cache 20 cycle)", 64,
			"INCREMENT BY 10 MINVALUE 1000 MAXVALUE 9999999 CACHE 20 CYCLE"},
		{"START WITH 1000 INCREMENT BY 10 MINVALUE 1000 MAXVALUE 9999999 CACHE 20 CYCLE", 64,
			"INCREMENT BY 10 MINVALUE 1000 MAXVALUE 9999999 CACHE 20 CYCLE"},
		{"START WITH 5", 32, "START WITH 5"},
		{"MAXVALUE 2147483647", 32, ""},
		{"MAXVALUE 2147483647", 64, "MAXVALUE 2147483647"},
		{"INCREMENT BY -1", 16, "INCREMENT BY -1"},
		{"AS integer", 64, "AS integer"},
		{"AS bigint", 64, ""},
	} {
		got, err := Canonical(c.in, c.bits)
		if err != nil {
			t.Errorf("Canonical(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Canonical(%q, %d) = %q, want %q", c.in, c.bits, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"START WITH x", "INCREMENT BY 0", "NO SUCH", "RESTART", "AS text", "CACHE"} {
		if _, err := Parse(in, 64); !errors.Is(err, ErrBadOptions) {
			t.Errorf("Parse(%q) = %v, want ErrBadOptions", in, err)
		}
	}
}
