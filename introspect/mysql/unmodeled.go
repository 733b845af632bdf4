package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/introspect"
)

var _ introspect.UnmodeledLister = Inspector{}

// unmodeledQuery lists, in the database ? names (DATABASE() when empty),
// every object retort does not model, as (kind, name, table): views,
// sequences (MariaDB), triggers, stored functions, procedures and
// packages, events, and the partitioning of partitioned tables (their
// columns, keys and options are compared). The database is the argument of
// each of the six parts.
const unmodeledQuery = `
SELECT CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'sequence' END, TABLE_NAME, ''
FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE()) AND TABLE_TYPE IN ('VIEW', 'SEQUENCE')
UNION ALL
SELECT 'trigger', TRIGGER_NAME, EVENT_OBJECT_TABLE
FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE())
UNION ALL
SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME, ''
FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE())
UNION ALL
SELECT 'event', EVENT_NAME, ''
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE())
UNION ALL
SELECT DISTINCT 'partitioned table', TABLE_NAME, ''
FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE()) AND PARTITION_NAME IS NOT NULL
ORDER BY 1, 3, 2`

// Unmodeled names the objects of opts.Schema (else DATABASE()) that retort
// does not model, with one query; triggers of a table opts refuses, and
// its partitioning, are left out.
func (Inspector) Unmodeled(ctx context.Context, q introspect.Querier, opts introspect.Options) ([]introspect.Object, error) {
	args := make([]any, 5)
	for i := range args {
		args[i] = opts.Schema
	}
	rows, err := q.QueryContext(ctx, unmodeledQuery, args...)
	if err != nil {
		return nil, fmt.Errorf("mysql: read objects retort does not model: %w", err)
	}
	defer rows.Close()
	var out []introspect.Object
	for rows.Next() {
		var kind, name, table string
		if err := rows.Scan(&kind, &name, &table); err != nil {
			return nil, fmt.Errorf("mysql: read objects retort does not model: %w", err)
		}
		k := introspect.ObjectKind(kind)
		switch {
		case k == introspect.Trigger && !opts.Includes(table),
			k == introspect.PartitionedTable && !opts.Includes(name):
			continue
		case strings.HasPrefix(kind, "package"):
			// MariaDB's Oracle-mode PACKAGE and PACKAGE BODY.
			k = introspect.Package
		}
		out = append(out, introspect.Object{Kind: k, Name: name, Table: table})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mysql: read objects retort does not model: %w", err)
	}
	return out, nil
}
