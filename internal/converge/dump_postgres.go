package converge

import (
	"context"
	"strings"
)

// dumpPostgres runs pg_dump --schema-only --no-owner --no-privileges and
// keeps every statement: it drops only comment lines ("--"), the session
// settings pg_dump writes first (SET ..., SELECT pg_catalog.set_config),
// psql's \restrict/\unrestrict guard lines (their key is random per run) and
// blank lines.
func dumpPostgres(ctx context.Context, dbURL string) (string, error) {
	out, err := run(ctx, "pg_dump", []string{"--schema-only", "--no-owner", "--no-privileges", "-d", dbURL}, nil, "")
	if err != nil {
		return "", err
	}
	return normalizePgDump(out), nil
}

// normalizePgDump removes what differs between two dumps of one schema.
func normalizePgDump(out string) string {
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.TrimSpace(line) == "",
			strings.HasPrefix(line, "--"),
			strings.HasPrefix(line, "SET "),
			strings.HasPrefix(line, "SELECT pg_catalog.set_config("),
			strings.HasPrefix(line, `\restrict `),
			strings.HasPrefix(line, `\unrestrict `):
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
