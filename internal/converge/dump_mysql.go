package converge

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// autoIncrementCounter is the table option SHOW CREATE TABLE adds once rows
// were inserted: a counter, not schema.
var autoIncrementCounter = regexp.MustCompile(` AUTO_INCREMENT=[0-9]+\b`)

// dumpMySQL renders a MariaDB/MySQL database with its own client:
// SHOW CREATE TABLE for every base table (AUTO_INCREMENT=N counters
// stripped), SHOW CREATE SEQUENCE and SHOW CREATE VIEW for sequences and
// views, and information_schema rows for triggers, routines (with their
// parameters) and events, which no table's SHOW CREATE shows. Every
// occurrence of the database's own name in backquotes becomes `<db>`, so
// two databases compare by content.
func dumpMySQL(ctx context.Context, dbURL string) (string, error) {
	args, env, err := mariadbArgs(dbURL)
	if err != nil {
		return "", err
	}
	db, err := mysqlDatabase(dbURL)
	if err != nil {
		return "", err
	}
	list, err := run(ctx, "mariadb", append(args, "--batch", "--skip-column-names", "-e",
		"SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY BINARY TABLE_NAME"), env, "")
	if err != nil {
		return "", err
	}
	var script strings.Builder
	for _, line := range strings.Split(strings.TrimRight(list, "\n"), "\n") {
		if line == "" {
			continue
		}
		kind, name, ok := strings.Cut(line, "\t")
		if !ok {
			return "", fmt.Errorf("converge: unexpected information_schema.TABLES row %q", line)
		}
		q := "`" + strings.ReplaceAll(name, "`", "``") + "`"
		switch kind {
		case "VIEW":
			fmt.Fprintf(&script, "SHOW CREATE VIEW %s;\n", q)
		case "SEQUENCE":
			fmt.Fprintf(&script, "SHOW CREATE SEQUENCE %s;\n", q)
		default: // BASE TABLE, SYSTEM VERSIONED
			fmt.Fprintf(&script, "SHOW CREATE TABLE %s;\n", q)
		}
	}
	script.WriteString(mysqlCatalogRows)
	out, err := run(ctx, "mariadb", append(args, "--batch", "--skip-column-names", "--raw"), env, script.String())
	if err != nil {
		return "", err
	}
	out = autoIncrementCounter.ReplaceAllString(out, "")
	out = strings.ReplaceAll(out, "`"+db+"`", "`<db>`")
	return out, nil
}

// mysqlCatalogRows lists the objects no SHOW CREATE TABLE shows.
const mysqlCatalogRows = `
SELECT '-- triggers';
SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, ACTION_STATEMENT
  FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
  ORDER BY BINARY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER;
SELECT '-- routines';
SELECT ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT, ROUTINE_DEFINITION
  FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
  ORDER BY ROUTINE_TYPE, BINARY ROUTINE_NAME;
SELECT SPECIFIC_NAME, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
  FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = DATABASE()
  ORDER BY BINARY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION;
SELECT '-- events';
SELECT EVENT_NAME, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, STATUS, EVENT_DEFINITION
  FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()
  ORDER BY BINARY EVENT_NAME;
`
