package converge

import (
	"testing"
)

func TestKnownFailures(t *testing.T) {
	k, err := ParseKnownFailures("k", []byte("# comment\n\nb_case  reason: not-converged: serial as identity\na_case reason: apply-failed: x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := k.Lookup("b_case"); !ok || r != "not-converged: serial as identity" {
		t.Errorf("Lookup(b_case) = %q, %v", r, ok)
	}
	if _, ok := k.Lookup("c_case"); ok {
		t.Error("Lookup(c_case) found it")
	}
	again, err := ParseKnownFailures("k2", FormatKnownFailures(k.List()))
	if err != nil {
		t.Fatal(err)
	}
	if got := again.List(); len(got) != 2 || got[0].Case != "a_case" || got[1].Reason != "not-converged: serial as identity" {
		t.Errorf("format then parse: %+v", got)
	}
	for _, bad := range []string{"a_case\n", "a_case  because\n", "a reason: x\na reason: y\n"} {
		if _, err := ParseKnownFailures("bad", []byte(bad)); err == nil {
			t.Errorf("ParseKnownFailures(%q) accepted it", bad)
		}
	}
}
