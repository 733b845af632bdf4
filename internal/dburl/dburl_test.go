package dburl

import (
	"strings"
	"testing"
)

// TestMySQLWithoutMultiStatements: a MySQL connection runs one statement
// per Exec, so that no text written into a statement can start another.
func TestMySQLWithoutMultiStatements(t *testing.T) {
	t.Parallel()
	cfg, err := Parse("mysql://root:secret@127.0.0.1:3306/app")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(cfg.DSN), "multistatements=true") {
		t.Errorf("DSN %q turns multi-statements on", Redact(cfg.DSN))
	}
}
