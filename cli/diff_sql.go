package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// writeScript prints list as a script for the server's own client, framed
// as `retort upgrade --sql` frames a revision ([dialect.ScriptFrame]): on a
// dialect with transactional DDL it is one transaction, so that a client
// stopping at the first error (psql -v ON_ERROR_STOP=1, sqlite3 -bail)
// applies all of it or nothing; on SQLite foreign keys are off around it
// (a table rebuild neither cascades nor fails on references) and a
// foreign-key check fails the script before COMMIT on a violation. A
// statement that cannot run in a transaction is written between a COMMIT
// and the next BEGIN.
func writeScript(ctx context.Context, w io.Writer, d dialect.Dialect, list []ops.Op, tables dialect.TableSource) error {
	frame := dialect.ScriptFrame(d)
	var b strings.Builder
	lines := func(qs []string) {
		for _, q := range qs {
			fmt.Fprintf(&b, "%s;\n", strings.TrimRight(strings.TrimSpace(q), ";"))
		}
	}
	lines(frame.Before)
	lines(frame.Begin)
	if frame.InTransaction() {
		b.WriteString("\n")
	}
	for i := 0; i < len(list); {
		n, stmts, err := dialect.PlanGroup(ctx, d, list, i, tables)
		if err != nil {
			return fmt.Errorf("%s: %w", ops.Describe(list[i]), err)
		}
		for _, st := range stmts {
			sql := strings.TrimRight(strings.TrimSpace(st.SQL), ";")
			if st.NoTransaction && frame.InTransaction() {
				lines(frame.Commit)
				fmt.Fprintf(&b, "-- runs outside a transaction\n%s;\n", sql)
				lines(frame.Begin)
				b.WriteString("\n")
				continue
			}
			if st.NoTransaction {
				b.WriteString("-- runs outside a transaction\n")
			}
			fmt.Fprintf(&b, "%s;\n\n", sql)
		}
		// The next group is planned from the tables as this one left them.
		if r, ok := tables.(replayer); ok {
			r.apply(list[i : i+n])
		}
		i += n
	}
	lines(frame.Commit)
	lines(frame.After)
	_, err := io.WriteString(w, b.String())
	return err
}
