package migrate

import (
	"context"
	"errors"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// StampSQL returns, without a connection, the SQL that sets the version
// table to target (as `retort stamp --sql` prints it): the session set-up
// for Env.Schema where the dialect has one, the version table's CREATE
// TABLE IF NOT EXISTS, then the rows replaced in one transaction. On a
// dialect without transactional DDL it also creates and clears the
// progress table, as [Stamp] does. target is read from base: "head",
// "heads", "base", a revision id or label, "+N".
func StampSQL(ctx context.Context, env *Env, target string) (string, error) {
	if env == nil {
		return "", errors.New("migrate: stamp sql: nil Env")
	}
	g, err := env.Graph()
	if err != nil {
		return "", err
	}
	be, err := env.backend()
	if err != nil {
		return "", err
	}
	ids, err := g.Resolve(target, nil)
	if err != nil {
		return "", err
	}
	if ids, err = g.Normalize(ids); err != nil {
		return "", err
	}
	d := be.Dialect
	vt := newVersionTable(d, env)
	var b strings.Builder
	write := func(q string) {
		b.WriteString(strings.TrimRight(strings.TrimSpace(q), ";"))
		b.WriteString(";\n")
	}
	if ss, ok := d.(dialect.SessionSetup); ok && vt.schema != "" {
		for _, q := range ss.SessionSQL(vt.schema) {
			write(q)
		}
	}
	write(vt.createSQL())
	tx := d.TransactionalDDL()
	if !tx {
		write(vt.createProgressSQL())
		write(vt.createOpsSQL())
	}
	b.WriteString("\n-- Stamping " + versionText(ids) + "\n\n")
	write("BEGIN")
	for _, q := range vt.setSQL(ids) {
		write(q)
	}
	if !tx {
		write("DELETE FROM " + vt.progress())
		write("DELETE FROM " + vt.opsTable())
	}
	write("COMMIT")
	return b.String(), nil
}
