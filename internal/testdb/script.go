package testdb

import (
	"context"
	"testing"

	"github.com/retortdb/retort/internal/sqllex"
)

// ExecScript runs a script of several statements one statement at a time:
// connections are opened without multi-statements (MySQL), as retort opens
// them. Quotes and comments are read with the database's rules.
func (d *DB) ExecScript(t testing.TB, script string) {
	t.Helper()
	stmts, err := sqllex.SplitText(script, lexRules(d.Dialect))
	if err != nil {
		t.Fatalf("testdb: split script: %v", err)
	}
	for _, st := range stmts {
		if _, err := d.ExecContext(context.Background(), st.Text); err != nil {
			t.Fatalf("testdb: %s: %v", st.Text, err)
		}
	}
}

// lexRules are the quoting and comment rules of each dialect's SQL.
func lexRules(dialect string) sqllex.Rules {
	switch dialect {
	case "mysql":
		return sqllex.Rules{Backticks: true, DoubleQuotedStrings: true, BackslashEscapes: true,
			HashComments: true, DashCommentNeedsSpace: true, ExecutableComments: true}
	case "postgres":
		return sqllex.Rules{EStrings: true, DollarQuotes: true, NestedComments: true}
	}
	return sqllex.Rules{Backticks: true, Brackets: true}
}
