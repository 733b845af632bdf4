package converge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// row is one result row of the sqlite3 client's -json mode.
type row map[string]any

// str prints a value of a row: NULL, a number as written, or a quoted string.
func (r row) str(col string) string {
	switch v := r[col].(type) {
	case nil:
		return "NULL"
	case json.Number:
		return v.String()
	case string:
		return fmt.Sprintf("%q", v)
	default:
		return fmt.Sprint(v)
	}
}

// text returns a string value as is ("" for NULL).
func (r row) text(col string) string {
	s, _ := r[col].(string)
	return s
}

// sqliteQuery runs one query with the sqlite3 client in -json mode.
func sqliteQuery(ctx context.Context, path, query string) ([]row, error) {
	out, err := run(ctx, "sqlite3", []string{"-readonly", "-bail", "-json", path}, nil, query)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(out) == "" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	dec.UseNumber()
	var rows []row
	if err := dec.Decode(&rows); err != nil {
		return nil, fmt.Errorf("converge: sqlite3 -json: %w", err)
	}
	return rows, nil
}

// notInternal keeps SQLite's own objects (sqlite_schema, sqlite_sequence,
// sqlite_stat*, sqlite_autoindex_*) out of a query on sqlite_schema m.
const notInternal = `m.name NOT LIKE 'sqlite\_%' ESCAPE '\'`

// The queries of the SQLite dump, each ordered.
var sqliteDumpQueries = []string{
	`SELECT m.name, m.type, m.ncol, m.wr, m.strict FROM pragma_table_list m WHERE m.schema = 'main' AND ` + notInternal + ` ORDER BY m.name`,
	`SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_schema m WHERE ` + notInternal + ` ORDER BY m.type, m.name`,
	`SELECT m.name AS tbl, x.cid, x.name, x.type, x."notnull", x.dflt_value, x.pk, x.hidden
	   FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) x
	  WHERE m.type = 'table' AND ` + notInternal + ` ORDER BY m.name, x.cid`,
	`SELECT m.name AS tbl, il.name AS idx, il."unique", il.origin, il.partial,
	        ix.seqno, ix.cid, ix.name AS col, ix."desc", ix.coll, ix."key"
	   FROM sqlite_schema m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ix
	  WHERE m.type = 'table' AND ` + notInternal + ` ORDER BY m.name, il.name, ix.seqno`,
	`SELECT m.name AS tbl, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete, f."match"
	   FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
	  WHERE m.type = 'table' AND ` + notInternal + ` ORDER BY m.name, f.id, f.seq`,
}

// sqliteTable collects one table's dump lines.
type sqliteTable struct {
	head    string
	columns []string
	indexes map[string][]string
	fks     map[int][]row
	text    []string
}

// dumpSQLite renders a SQLite database from the pragma table-valued
// functions, per table: pragma_table_list (kind, column count, WITHOUT
// ROWID, STRICT), pragma_table_xinfo (every column with its declared type
// verbatim, NOT NULL, default text, primary-key position, hidden/generated),
// pragma_index_list with pragma_index_xinfo (every index and its keys,
// sort order, collation), pragma_foreign_key_list; then what the pragmas do
// not show, read from the CREATE text (sqliteTableText, sqliteIndexText);
// then views and triggers from sqlite_schema as normalised SQL text.
func dumpSQLite(ctx context.Context, dbURL string) (string, error) {
	path, err := sqlitePath(dbURL)
	if err != nil {
		return "", err
	}
	results := make([][]row, len(sqliteDumpQueries))
	for i, q := range sqliteDumpQueries {
		if results[i], err = sqliteQuery(ctx, path, q); err != nil {
			return "", err
		}
	}
	list, schema, cols, idx, fks := results[0], results[1], results[2], results[3], results[4]
	tables := map[string]*sqliteTable{}
	var names []string
	for _, r := range list {
		if r.text("type") == "view" {
			continue // dumped from sqlite_schema below
		}
		name := r.text("name")
		names = append(names, name)
		tables[name] = &sqliteTable{
			head: fmt.Sprintf("table %s: type=%s ncol=%s without_rowid=%s strict=%s",
				r.str("name"), r.text("type"), r.str("ncol"), r.str("wr"), r.str("strict")),
			indexes: map[string][]string{},
			fks:     map[int][]row{},
		}
	}
	for _, r := range cols {
		t, ok := tables[r.text("tbl")]
		if !ok {
			continue
		}
		t.columns = append(t.columns, fmt.Sprintf("  column %s %s: type=%s notnull=%s default=%s pk=%s hidden=%s",
			r.str("cid"), r.str("name"), r.str("type"), r.str("notnull"), r.str("dflt_value"), r.str("pk"), r.str("hidden")))
	}
	indexSQL := map[string]string{}
	var objects []string
	for _, r := range schema {
		switch r.text("type") {
		case "table":
			if t, ok := tables[r.text("name")]; ok {
				for _, l := range sqliteTableText(r.text("sql")) {
					t.text = append(t.text, "  text: "+l)
				}
			}
		case "index":
			indexSQL[r.text("name")] = r.text("sql")
		default: // view, trigger
			objects = append(objects, fmt.Sprintf("%s %s on %s: %s", r.text("type"), r.str("name"), r.str("tbl_name"), joinTokens(lexSQLite(r.text("sql")))))
		}
	}
	sqliteIndexes(tables, idx, indexSQL)
	for _, r := range fks {
		t, ok := tables[r.text("tbl")]
		if !ok {
			continue
		}
		id, err := r["id"].(json.Number).Int64()
		if err != nil {
			return "", fmt.Errorf("converge: pragma_foreign_key_list id: %w", err)
		}
		t.fks[int(id)] = append(t.fks[int(id)], r)
	}
	var b strings.Builder
	for _, name := range names {
		t := tables[name]
		b.WriteString(t.head + "\n")
		for _, c := range t.columns {
			b.WriteString(c + "\n")
		}
		for _, l := range sortedIndexLines(t.indexes) {
			b.WriteString(l + "\n")
		}
		for _, l := range fkLines(t.fks) {
			b.WriteString(l + "\n")
		}
		for _, l := range t.text {
			b.WriteString(l + "\n")
		}
	}
	for _, o := range objects {
		b.WriteString(o + "\n")
	}
	return b.String(), nil
}

// sqliteIndexes adds each table's index lines. An automatic index
// (sqlite_autoindex_T_N, made for a PRIMARY KEY or UNIQUE constraint) is
// named by its columns instead of N, which only counts the constraints in
// the order the CREATE text lists them.
func sqliteIndexes(tables map[string]*sqliteTable, idx []row, indexSQL map[string]string) {
	type key struct{ tbl, idx string }
	var order []key
	byIndex := map[key][]row{}
	for _, r := range idx {
		k := key{r.text("tbl"), r.text("idx")}
		if _, seen := byIndex[k]; !seen {
			order = append(order, k)
		}
		byIndex[k] = append(byIndex[k], r)
	}
	for _, k := range order {
		t, ok := tables[k.tbl]
		if !ok {
			continue
		}
		rows := byIndex[k]
		var keys, keyCols []string
		expr := false
		for _, r := range rows {
			keys = append(keys, fmt.Sprintf("%s(cid=%s desc=%s coll=%s key=%s)", r.str("col"), r.str("cid"), r.str("desc"), r.str("coll"), r.str("key")))
			if r.str("key") == "1" {
				keyCols = append(keyCols, r.text("col"))
			}
			if r.str("cid") == "-2" {
				expr = true
			}
		}
		name := fmt.Sprintf("%q", k.idx)
		if strings.HasPrefix(k.idx, "sqlite_autoindex_") {
			name = "sqlite_autoindex(" + strings.Join(keyCols, ",") + ")"
		}
		line := fmt.Sprintf("  index %s: unique=%s origin=%s partial=%s keys=%s", name, rows[0].str("unique"), rows[0].text("origin"), rows[0].str("partial"), strings.Join(keys, " "))
		if expr || rows[0].str("partial") == "1" {
			line += "\n    text: " + sqliteIndexText(indexSQL[k.idx])
		}
		t.indexes[name] = append(t.indexes[name], line)
	}
}

// sortedIndexLines returns a table's index lines sorted by index name.
func sortedIndexLines(m map[string][]string) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var lines []string
	for _, n := range names {
		lines = append(lines, m[n]...)
	}
	return lines
}

// fkLines prints each foreign key on one line, sorted: the id the pragma
// gives only counts the clauses in the order the CREATE text lists them.
func fkLines(m map[int][]row) []string {
	var lines []string
	for _, rows := range m {
		var from, to []string
		for _, r := range rows {
			from = append(from, r.str("from"))
			to = append(to, r.str("to"))
		}
		r := rows[0]
		lines = append(lines, fmt.Sprintf("  foreign key (%s) references %s(%s) on update %s on delete %s match %s",
			strings.Join(from, ","), r.str("table"), strings.Join(to, ","), r.text("on_update"), r.text("on_delete"), r.text("match")))
	}
	sort.Strings(lines)
	return lines
}
