package mysql

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	mysqldialect "github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
)

// unquotedTypes are the DATA_TYPEs whose literal defaults are numbers (or
// bit literals), which no server quotes.
var unquotedTypes = map[string]bool{
	"tinyint": true, "smallint": true, "mediumint": true, "int": true, "integer": true, "bigint": true,
	"decimal": true, "numeric": true, "float": true, "double": true, "real": true, "bit": true, "year": true,
}

func (r *reader) readColumns(ctx context.Context) error {
	q := queryColumns(r.filter)
	// Scan targets live outside the per-row callback: declared inside, each
	// row would allocate eleven of them.
	var table, name, colType, dataType, nullable, def, extra, genExpr, cs, coll, comment sql.NullString
	return r.query(ctx, "columns", q, r.args, func(rows scanner) error {
		if err := rows.Scan(&table, &name, &colType, &dataType, &nullable, &def, &extra, &genExpr, &cs, &coll, &comment); err != nil {
			return err
		}
		t, ok := r.tables[table.String]
		if !ok {
			return nil
		}
		c := model.Column{
			Name:     name.String,
			Type:     model.Type{SQL: colType.String},
			Nullable: nullable.String == "YES",
			Comment:  comment.String,
		}
		ex := strings.ToLower(extra.String)
		c.AutoIncrement = strings.Contains(ex, "auto_increment")
		c.Invisible = strings.Contains(ex, "invisible")
		if i := strings.Index(ex, "on update "); i >= 0 {
			rest := strings.TrimSpace(extra.String[i+len("on update "):])
			if f := strings.Fields(rest); len(f) > 0 {
				rest = f[0]
			}
			if ts, ok := mysqldialect.NormalizeTimestampExpr(rest); ok {
				c.OnUpdate = ts
			} else {
				c.OnUpdate = rest
			}
		}
		switch {
		case strings.Contains(ex, "stored generated"), strings.Contains(ex, "persistent generated"):
			c.Generated = model.Generated{Expr: genExpr.String, Stored: true}
		case strings.Contains(ex, "virtual generated"):
			c.Generated = model.Generated{Expr: genExpr.String}
		}
		if c.Generated.Expr == "" && !c.AutoIncrement {
			c.Default = r.defaultOf(def, ex, strings.ToLower(dataType.String))
		}
		if cs.String != "" {
			tcs, tcoll := r.tableCharset[table.String], r.tableCollation[table.String]
			switch {
			case cs.String != tcs:
				c.Charset = cs.String
				if coll.String != r.defaultCollate[cs.String] {
					c.Collation = coll.String
				}
			case coll.String != tcoll:
				c.Collation = coll.String
			}
		}
		t.Columns = append(t.Columns, c)
		return nil
	})
}

// defaultOf turns COLUMN_DEFAULT into retort's form.
func (r *reader) defaultOf(def sql.NullString, extra, dataType string) string {
	if !def.Valid {
		return ""
	}
	s := def.String
	if ts, ok := mysqldialect.NormalizeTimestampExpr(s); ok {
		return ts
	}
	if r.srv.mariaDB {
		// MariaDB 10.2.7+ quotes literals itself and reports an explicit
		// NULL default as the text NULL.
		if strings.EqualFold(s, "null") {
			return ""
		}
		return s
	}
	// MySQL 8: expressions are marked DEFAULT_GENERATED; literals come
	// unquoted.
	if strings.Contains(extra, "default_generated") {
		return s
	}
	if unquotedTypes[dataType] {
		return s
	}
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", "''") + "'"
}

func (r *reader) readChecks(ctx context.Context) error {
	q := queryChecks(r.srv.mariaDB, r.filter)
	return r.query(ctx, "checks", q, r.args, func(rows scanner) error {
		var table, name, clause, level, ord sql.NullString
		if err := rows.Scan(&table, &name, &clause, &level, &ord); err != nil {
			return err
		}
		t, ok := r.tables[table.String]
		if !ok {
			return nil
		}
		if r.srv.mariaDB && jsonCheck(t, name.String, clause.String) {
			return nil
		}
		ck := model.Check{Name: name.String, Expr: clause.String}
		if level.String == "Column" {
			// MariaDB names a column-level check after its column.
			ck.Column = name.String
		}
		t.Checks = append(t.Checks, ck)
		return nil
	})
}

// jsonCheck recognises MariaDB's JSON column: longtext with a check named
// after the column, json_valid(`col`). It turns the column back into json
// (without the utf8mb4_bin collation JSON implies) and reports true so the
// check is not reported.
func jsonCheck(t *model.Table, name, clause string) bool {
	want := "json_valid(`" + strings.ReplaceAll(name, "`", "``") + "`)"
	if !strings.EqualFold(strings.Join(strings.Fields(clause), ""), want) {
		return false
	}
	i := slices.IndexFunc(t.Columns, func(c model.Column) bool { return c.Name == name })
	if i < 0 || !strings.EqualFold(t.Columns[i].Type.SQL, "longtext") {
		return false
	}
	c := &t.Columns[i]
	c.Type.SQL = "json"
	c.Charset, c.Collation = "", ""
	return true
}
