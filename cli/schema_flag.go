package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/migrate"
)

// schemaFlagUsage is the --schema flag's usage for commands that read or
// print one schema.
const schemaFlagUsage = "the PostgreSQL `SCHEMA` (MySQL database) to use instead of env.go's Schema"

// envIn returns env.go's Env, or a copy of it whose Schema is schema when
// schema is set: the commands' --schema flag.
func (a *app) envIn(schema string) *migrate.Env {
	if schema == "" || schema == a.env.Schema {
		return a.env
	}
	copied := *a.env
	copied.Schema = schema
	return &copied
}

// printMigrateSQL prints `upgrade --sql` / `downgrade --sql`: target is TO
// or FROM:TO; each --schema gets its own script (none: env.go's Schema).
func (a *app) printMigrateSQL(ctx context.Context, target string, dir migrate.Direction, schemas []string) error {
	from, to, ok := strings.Cut(target, ":")
	if !ok {
		from, to = "", target
	}
	if len(schemas) == 0 {
		schemas = []string{a.env.Schema}
	}
	for i, schema := range schemas {
		out, err := migrate.SQL(ctx, a.envIn(schema), from, to, dir)
		if err != nil {
			return a.mergeHint(err)
		}
		if len(schemas) > 1 {
			if i > 0 {
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintf(a.stdout, "-- Schema %q\n\n", schema)
		}
		fmt.Fprint(a.stdout, out)
	}
	return nil
}
