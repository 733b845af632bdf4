package postgres

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/introspect"
)

var _ introspect.UnmodeledLister = Inspector{}

// notOwned keeps out the objects another object owns: an extension's
// members (CREATE EXTENSION made them, DROP EXTENSION drops them) and the
// parts the server makes for an object (a range type's constructor
// functions), which go with their owner. Relations are asked about
// extensions only: a partitioned table or a composite type has internal
// dependencies of its own.
func notOwned(catalog, oid string) string {
	types := `'e', 'i'`
	if catalog == "pg_class" {
		types = `'e'`
	}
	return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.` + catalog +
		`'::regclass AND e.objid = ` + oid + ` AND e.deptype IN (` + types + `))`
}

// unmodeledQuery lists, in the schema $1 names, every object retort does
// not model, as (kind, name, table): views, materialized views,
// partitioned tables (their partitioning; their columns are compared),
// partitions, foreign tables, sequences no column owns, composite types,
// triggers (not the internal ones of constraints), functions, procedures,
// aggregates, row-level security policies, rules (not a view's _RETURN
// rule), domains, range types, collations and extended statistics.
var unmodeledQuery = `
SELECT CASE
    WHEN c.relispartition THEN 'partition'
    WHEN c.relkind = 'v' THEN 'view'
    WHEN c.relkind = 'm' THEN 'materialized view'
    WHEN c.relkind = 'p' THEN 'partitioned table'
    WHEN c.relkind = 'f' THEN 'foreign table'
    WHEN c.relkind = 'S' THEN 'sequence'
    ELSE 'type' END,
  c.relname::text,
  CASE WHEN c.relispartition THEN COALESCE((SELECT p.relname::text FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid LIMIT 1), '') ELSE '' END
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ` + schemaCond + `
  AND (c.relkind IN ('v', 'm', 'p', 'f', 'c') OR (c.relkind = 'r' AND c.relispartition)
    OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend o
      WHERE o.classid = 'pg_catalog.pg_class'::regclass AND o.objid = c.oid
        AND o.refclassid = 'pg_catalog.pg_class'::regclass AND o.deptype IN ('a', 'i'))))
  AND ` + notOwned("pg_class", "c.oid") + `
UNION ALL
SELECT 'trigger', tg.tgname::text, c.relname::text
FROM pg_catalog.pg_trigger tg
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ` + schemaCond + ` AND NOT tg.tgisinternal AND tg.tgparentid = 0
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
  p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', ''
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE ` + schemaCond + ` AND ` + notOwned("pg_proc", "p.oid") + `
UNION ALL
SELECT 'policy', pol.polname::text, c.relname::text
FROM pg_catalog.pg_policy pol
JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ` + schemaCond + `
UNION ALL
SELECT 'rule', r.rulename::text, c.relname::text
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ` + schemaCond + ` AND r.rulename <> '_RETURN' AND ` + notOwned("pg_rewrite", "r.oid") + `
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, t.typname::text, ''
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE ` + schemaCond + ` AND t.typtype IN ('d', 'r') AND ` + notOwned("pg_type", "t.oid") + `
UNION ALL
SELECT 'collation', co.collname::text, ''
FROM pg_catalog.pg_collation co
JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
WHERE ` + schemaCond + ` AND ` + notOwned("pg_collation", "co.oid") + `
UNION ALL
SELECT 'statistics object', s.stxname::text, ''
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
WHERE ` + schemaCond + `
ORDER BY 1, 3, 2`

// Unmodeled names the objects of opts.Schema (the current schema when
// empty) that retort does not model, with one query; objects of a table
// opts refuses (its triggers, policies, rules, partitions) are left out,
// and so are the objects an extension owns.
func (Inspector) Unmodeled(ctx context.Context, q introspect.Querier, opts introspect.Options) ([]introspect.Object, error) {
	var out []introspect.Object
	err := query(ctx, q, "objects retort does not model", unmodeledQuery, []any{opts.Schema}, func(rows *sql.Rows) error {
		var kind, name, table string
		if err := rows.Scan(&kind, &name, &table); err != nil {
			return err
		}
		switch introspect.ObjectKind(kind) {
		case introspect.PartitionedTable:
			if !opts.Includes(name) {
				return nil
			}
		case introspect.Partition, introspect.Trigger, introspect.Policy, introspect.Rule:
			if table != "" && !opts.Includes(table) {
				return nil
			}
		}
		out = append(out, introspect.Object{Kind: introspect.ObjectKind(kind), Name: name, Table: table})
		return nil
	})
	return out, err
}
