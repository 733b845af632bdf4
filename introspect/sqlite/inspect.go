package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

// Inspector reads a SQLite catalog. The zero value is ready to use.
type Inspector struct{}

var _ introspect.Inspector = Inspector{}

// tableState is one admitted table while it is being read.
type tableState struct {
	table model.Table
	def   tableDef
	pk    []pkCol
}

type pkCol struct {
	pos  int
	name string
}

// Inspect reads every admitted table of the database (opts.Schema names an
// attached database; empty means "main") with five queries in all.
func (Inspector) Inspect(ctx context.Context, q introspect.Querier, opts introspect.Options) (model.Schema, error) {
	in := inspection{ctx: ctx, q: q, master: "sqlite_master", schema: "main"}
	if opts.Schema != "" && opts.Schema != "main" {
		in.schema = opts.Schema
		in.master = quoteIdent(opts.Schema) + ".sqlite_master"
		in.schemaArg = ", " + quoteString(opts.Schema)
	}
	if err := in.readMaster(opts); err != nil {
		return model.Schema{}, err
	}
	if len(in.tables) == 0 {
		return model.Schema{}, nil
	}
	names := make([]string, len(in.tables))
	for i, t := range in.tables {
		names[i] = t.table.Name
	}
	js, err := json.Marshal(names)
	if err != nil {
		return model.Schema{}, fmt.Errorf("sqlite: inspect: %w", err)
	}
	in.names = string(js)
	for _, step := range []func() error{in.readColumns, in.readIndexes, in.readForeignKeys} {
		if err := step(); err != nil {
			return model.Schema{}, err
		}
	}
	s := model.Schema{Tables: make([]model.Table, len(in.tables))}
	for i, t := range in.tables {
		s.Tables[i] = t.table
	}
	return s, nil
}

// inspection holds one Inspect call's state.
type inspection struct {
	ctx       context.Context
	q         introspect.Querier
	schema    string // the database read: "main" or an attached one
	master    string // sqlite_master, qualified for an attached database
	schemaArg string // ", 'schema'" for the pragma functions, or ""
	names     string // JSON array of the admitted table names
	tables    []*tableState
	byName    map[string]*tableState
	indexSQL  map[string]string
}

func (in *inspection) query(what, q string, args ...any) (*sql.Rows, error) {
	rows, err := in.q.QueryContext(in.ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: inspect %s: %w", what, err)
	}
	return rows, nil
}

// readMaster lists tables and index definitions and admits tables through
// opts before anything else of them is read.
func (in *inspection) readMaster(opts introspect.Options) error {
	// pragma_table_list tells virtual tables and their shadow tables (FTS
	// and R*Tree storage) from ordinary ones; both are skipped. One scan of
	// it is cheap; joining it to sqlite_master row by row is not.
	kinds, err := in.tableKinds()
	if err != nil {
		return err
	}
	rows, err := in.query("tables", `SELECT type, name, COALESCE(sql, '') FROM `+in.master+
		` WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type DESC, name`)
	if err != nil {
		return err
	}
	defer rows.Close()
	in.byName = map[string]*tableState{}
	in.indexSQL = map[string]string{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return fmt.Errorf("sqlite: inspect tables: %w", err)
		}
		if typ == "index" {
			in.indexSQL[name] = text
			continue
		}
		// Ask the filter first: a refused table's text is never parsed.
		if !opts.Includes(name) {
			continue
		}
		if kind := kinds[name]; kind == "virtual" || kind == "shadow" || isVirtual(text) {
			continue
		}
		t := &tableState{table: model.Table{Name: name}, def: parseCreateTable(text)}
		// The two table options SQLite has, so that a rebuild keeps them.
		if t.def.strict {
			t.table.Options = append(t.table.Options, model.TableOption{Name: "STRICT", Value: optionOn})
		}
		if t.def.withoutRowid {
			t.table.Options = append(t.table.Options, model.TableOption{Name: "WITHOUT ROWID", Value: optionOn})
		}
		in.tables = append(in.tables, t)
		in.byName[name] = t
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: inspect tables: %w", err)
	}
	return nil
}

// tableKinds maps the tables that are not ordinary ("virtual", "shadow")
// to their kind.
func (in *inspection) tableKinds() (map[string]string, error) {
	rows, err := in.query("table kinds", `SELECT name, type FROM pragma_table_list WHERE schema = ? AND type IN ('virtual', 'shadow') ORDER BY name`, in.schema)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kinds := map[string]string{}
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			return nil, fmt.Errorf("sqlite: inspect table kinds: %w", err)
		}
		kinds[name] = kind
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: inspect table kinds: %w", err)
	}
	return kinds, nil
}

func isVirtual(createSQL string) bool {
	toks := lex(createSQL[:min(len(createSQL), 64)])
	return len(toks) > 1 && toks[1].Is("VIRTUAL")
}

// admitted is the WHERE clause shared by the per-table queries.
func (in *inspection) admitted() string {
	return `m.type = 'table' AND m.name IN (SELECT value FROM json_each(?))`
}

func (in *inspection) readColumns() error {
	rows, err := in.query("columns", `SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden FROM `+
		in.master+` m JOIN pragma_table_xinfo(m.name`+in.schemaArg+`) p WHERE `+in.admitted()+` ORDER BY m.name, p.cid`, in.names)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			table, name, typ string
			notNull, pk, hid int
			dflt             sql.NullString
		)
		if err := rows.Scan(&table, &name, &typ, &notNull, &dflt, &pk, &hid); err != nil {
			return fmt.Errorf("sqlite: inspect columns: %w", err)
		}
		t, ok := in.byName[table]
		if !ok || hid == 1 {
			continue
		}
		key := strings.ToLower(name)
		col := model.Column{
			Name:      name,
			Type:      model.Type{SQL: typ},
			Nullable:  notNull == 0,
			Default:   dflt.String,
			Collation: t.def.collations[key],

			NotNullOnConflict: t.def.notNullConflict[key],
		}
		if hid == 2 || hid == 3 {
			col.Generated = t.def.generated[key]
			col.Generated.Stored = hid == 3
		}
		if pk > 0 {
			t.pk = append(t.pk, pkCol{pos: pk, name: name})
		}
		t.table.Columns = append(t.table.Columns, col)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: inspect columns: %w", err)
	}
	for _, t := range in.tables {
		t.finishPrimaryKey()
	}
	return nil
}

// finishPrimaryKey orders the key columns and marks the AUTOINCREMENT
// column. A rowid alias without AUTOINCREMENT (INTEGER PRIMARY KEY) is
// not marked: SQLite numbers it too, but may reuse the largest id, and
// the two are kept apart. Nullability stays as pragma_table_xinfo reports
// it, which is what the column declares.
func (t *tableState) finishPrimaryKey() {
	sort.Slice(t.pk, func(i, j int) bool { return t.pk[i].pos < t.pk[j].pos })
	for _, c := range t.pk {
		t.table.PrimaryKey.Columns = append(t.table.PrimaryKey.Columns, c.name)
	}
	if len(t.pk) > 0 {
		t.table.PrimaryKey.Name = t.def.pkName
		t.table.PrimaryKey.OnConflict = t.def.pkConflict
	}
	if len(t.pk) != 1 || t.def.autoinc == "" {
		return
	}
	for i := range t.table.Columns {
		if c := &t.table.Columns[i]; strings.EqualFold(c.Name, t.def.autoinc) && c.Name == t.pk[0].name {
			c.AutoIncrement = true
		}
	}
}

func (in *inspection) readIndexes() error {
	rows, err := in.query("indexes", `SELECT m.name, il.name, il."unique", il.origin, ix.cid, ix.name, ix."desc", COALESCE(ix.coll, '') FROM `+
		in.master+` m JOIN pragma_index_list(m.name`+in.schemaArg+`) il JOIN pragma_index_xinfo(il.name`+in.schemaArg+`) ix WHERE `+
		in.admitted()+` AND ix.key = 1 ORDER BY m.name, il.name, ix.seqno`, in.names)
	if err != nil {
		return err
	}
	defer rows.Close()
	type uniqueIdx struct {
		table *tableState
		cols  []string
	}
	var (
		cur     *model.Index
		curT    *tableState
		parts   indexDef
		uniques []*uniqueIdx
		curU    *uniqueIdx
	)
	flush := func() {
		if cur != nil {
			curT.table.Indexes = append(curT.table.Indexes, *cur)
		}
		cur, curU = nil, nil
	}
	lastTable, lastIndex := "", ""
	for rows.Next() {
		var (
			table, index, origin, coll string
			unique, cid, desc          int
			col                        sql.NullString
		)
		if err := rows.Scan(&table, &index, &unique, &origin, &cid, &col, &desc, &coll); err != nil {
			return fmt.Errorf("sqlite: inspect indexes: %w", err)
		}
		t, ok := in.byName[table]
		if !ok {
			continue
		}
		if table != lastTable || index != lastIndex {
			flush()
			lastTable, lastIndex = table, index
			curT = t
			switch origin {
			case "c":
				parts = parseCreateIndex(in.indexSQL[index])
				cur = &model.Index{Name: index, Unique: unique == 1, Where: parts.where}
			case "u":
				curU = &uniqueIdx{table: t}
				uniques = append(uniques, curU)
			}
		}
		if origin == "pk" && desc == 1 {
			// The key's autoindex keeps its order (PRIMARY KEY DESC).
			t.table.PrimaryKey.Desc = append(t.table.PrimaryKey.Desc, col.String)
		}
		switch {
		case cur != nil:
			p := model.IndexPart{Column: col.String, Desc: desc == 1}
			if cid == -2 {
				if n := len(cur.Parts); n < len(parts.parts) {
					p.Expr, p.Collation = parts.parts[n], parts.collations[n]
				}
			} else {
				p.Collation = t.table.KeyCollation(col.String, coll, "BINARY")
			}
			cur.Parts = append(cur.Parts, p)
		case curU != nil:
			curU.cols = append(curU.cols, col.String)
		}
	}
	flush()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: inspect indexes: %w", err)
	}
	// Unique constraints in declaration order, named from the CREATE text.
	byTable := map[*tableState][][]string{}
	for _, u := range uniques {
		byTable[u.table] = append(byTable[u.table], u.cols)
	}
	for _, t := range in.tables {
		found := byTable[t]
		used := make([]bool, len(found))
		for _, d := range t.def.uniques {
			for i, cols := range found {
				if !used[i] && sameNames(cols, d.cols) {
					used[i] = true
					t.table.Uniques = append(t.table.Uniques, model.Unique{Name: d.name, Columns: cols, OnConflict: d.conflict})
					break
				}
			}
		}
		for i, cols := range found {
			if !used[i] {
				t.table.Uniques = append(t.table.Uniques, model.Unique{Columns: cols})
			}
		}
	}
	return nil
}

func (in *inspection) readForeignKeys() error {
	// REFERENCES parent without columns means the parent's primary key,
	// which the subquery reads even when the parent is not admitted.
	rows, err := in.query("foreign keys", `SELECT m.name, f.id, f."table", f."from", COALESCE(f."to", `+
		`(SELECT k.name FROM pragma_table_info(f."table"`+in.schemaArg+`) k WHERE k.pk = f.seq + 1)), f.on_update, f.on_delete FROM `+
		in.master+` m JOIN pragma_foreign_key_list(m.name`+in.schemaArg+`) f WHERE `+in.admitted()+
		` ORDER BY m.name, f.id DESC, f.seq`, in.names)
	if err != nil {
		return err
	}
	defer rows.Close()
	type fkRow struct {
		fk model.ForeignKey
	}
	var (
		all               []*fkRow
		owner             []*tableState
		cur               *fkRow
		lastTable, lastID = "", -1
	)
	for rows.Next() {
		var (
			table, ref, from, onUpdate, onDelete string
			id                                   int
			to                                   sql.NullString
		)
		if err := rows.Scan(&table, &id, &ref, &from, &to, &onUpdate, &onDelete); err != nil {
			return fmt.Errorf("sqlite: inspect foreign keys: %w", err)
		}
		t, ok := in.byName[table]
		if !ok {
			continue
		}
		if table != lastTable || id != lastID {
			lastTable, lastID = table, id
			// The pragma says NO ACTION whether or not it was written.
			upd, _ := model.ParseReferenceAction(onUpdate)
			del, _ := model.ParseReferenceAction(onDelete)
			upd, del = upd.Rule(), del.Rule()
			cur = &fkRow{fk: model.ForeignKey{RefTable: ref, OnUpdate: upd, OnDelete: del}}
			all = append(all, cur)
			owner = append(owner, t)
		}
		cur.fk.Columns = append(cur.fk.Columns, from)
		if to.Valid {
			cur.fk.RefColumns = append(cur.fk.RefColumns, to.String)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: inspect foreign keys: %w", err)
	}
	for i, r := range all {
		t := owner[i]
		for _, d := range t.def.fks {
			if sameNames(d.cols, r.fk.Columns) && strings.EqualFold(d.refTable, r.fk.RefTable) {
				r.fk.Name, r.fk.Deferrable, r.fk.InitiallyDeferred = d.name, d.deferrable, d.initiallyDeferred
				break
			}
		}
		t.table.ForeignKeys = append(t.table.ForeignKeys, r.fk)
	}
	// Checks come last only because they need nothing from the catalog.
	for _, t := range in.tables {
		t.table.Checks = t.def.checks
	}
	return nil
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

// optionOn is the value of a table option SQLite has set (STRICT,
// WITHOUT ROWID): a model's option=STRICT=ON; an empty value means unset.
const optionOn = "ON"
