package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	mysqldialect "github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

// Inspector reads a MySQL or MariaDB catalog. The zero value is ready.
type Inspector struct{}

var _ introspect.Inspector = Inspector{}

// server describes the connection: flavour and database read.
type server struct {
	mariaDB bool
	db      string
}

// reader holds one Inspect call's state.
type reader struct {
	q      introspect.Querier
	srv    server
	filter string // " AND TABLE_NAME IN (?,...)" or ""
	args   []any  // db, then the filter's names
	tables map[string]*model.Table
	order  []string
	// collation name → charset; and charset → default collation.
	charsetOf      map[string]string
	defaultCollate map[string]string
	tableCharset   map[string]string
	tableCollation map[string]string
	// prefetched holds the rows of queries run concurrently, by query text.
	prefetched map[string]fetched
}

// Inspect reads every base table of opts.Schema (else DATABASE()) that
// opts admits, with a fixed number of queries.
func (Inspector) Inspect(ctx context.Context, q introspect.Querier, opts introspect.Options) (model.Schema, error) {
	r := &reader{q: q, tables: map[string]*model.Table{}}
	if err := r.readServer(ctx, opts.Schema); err != nil {
		return model.Schema{}, err
	}
	steps := []func(context.Context) error{r.readCollations, func(ctx context.Context) error { return r.readTables(ctx, opts) }}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return model.Schema{}, err
		}
	}
	if len(r.order) == 0 {
		return model.Schema{}, nil
	}
	r.prefetch(ctx)
	for _, step := range []func(context.Context) error{r.readColumns, r.readIndexes, r.readIndexUsing, r.readForeignKeys, r.readChecks} {
		if err := step(ctx); err != nil {
			return model.Schema{}, err
		}
	}
	out := model.Schema{Tables: make([]model.Table, 0, len(r.order)), ServerOrder: r.srv.mariaDB}
	for _, name := range r.order {
		t := r.tables[name]
		sortTable(t, r.srv.mariaDB)
		out.Tables = append(out.Tables, *t)
	}
	return out, nil
}

// sortTable sorts foreign keys by name, and indexes and checks too on
// MySQL; on MariaDB indexes and checks stay in the server's order, the
// order SHOW CREATE TABLE lists them in (see queryIndexes and queryChecks).
func sortTable(t *model.Table, mariaDB bool) {
	slices.SortStableFunc(t.ForeignKeys, func(a, b model.ForeignKey) int { return strings.Compare(a.Name, b.Name) })
	if mariaDB {
		return
	}
	slices.SortStableFunc(t.Indexes, func(a, b model.Index) int { return strings.Compare(a.Name, b.Name) })
	slices.SortStableFunc(t.Checks, func(a, b model.Check) int { return strings.Compare(a.Name, b.Name) })
}

// query runs one catalog query (or takes its prefetched rows) and calls
// scan for each row.
func (r *reader) query(ctx context.Context, what, query string, args []any, scan func(scanner) error) error {
	if pre, ok := r.prefetched[query]; ok {
		if pre.err != nil {
			return fmt.Errorf("mysql: read %s: %w", what, pre.err)
		}
		for _, row := range pre.rows {
			if err := scan(row); err != nil {
				return fmt.Errorf("mysql: read %s: %w", what, err)
			}
		}
		return nil
	}
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("mysql: read %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("mysql: read %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("mysql: read %s: %w", what, err)
	}
	return nil
}

func (r *reader) readServer(ctx context.Context, schema string) error {
	var version, db sql.NullString
	err := r.query(ctx, "server version", queryServer, nil, func(rows scanner) error {
		return rows.Scan(&version, &db)
	})
	if err != nil {
		return err
	}
	// MariaDB says so in its version string; MySQL does not.
	r.srv.mariaDB = strings.Contains(strings.ToLower(version.String), "mariadb")
	r.srv.db = schema
	if r.srv.db == "" {
		r.srv.db = db.String
	}
	if r.srv.db == "" {
		return fmt.Errorf("mysql: no database selected; put one in the URL (mysql://user@host/db) or set the schema to read")
	}
	return nil
}

func (r *reader) readCollations(ctx context.Context) error {
	r.charsetOf = map[string]string{}
	r.defaultCollate = map[string]string{}
	return r.query(ctx, "collations",
		queryCollations, nil, func(rows scanner) error {
			var name, cs, def sql.NullString
			if err := rows.Scan(&name, &cs, &def); err != nil {
				return err
			}
			r.charsetOf[name.String] = cs.String
			if strings.EqualFold(def.String, "yes") {
				if _, ok := r.defaultCollate[cs.String]; !ok {
					r.defaultCollate[cs.String] = name.String
				}
			}
			return nil
		})
}

// charset returns the character set of a collation.
func (r *reader) charset(collation string) string {
	if cs, ok := r.charsetOf[collation]; ok && cs != "" {
		return cs
	}
	cs, _, _ := strings.Cut(collation, "_")
	return cs
}

func (r *reader) readTables(ctx context.Context, opts introspect.Options) error {
	r.tableCharset = map[string]string{}
	r.tableCollation = map[string]string{}
	// Names first (cheap: no table is opened), so that refused tables are
	// never read, then the admitted tables' details.
	var admitted []string
	all := true
	err := r.query(ctx, "table names", queryTableNames, []any{r.srv.db}, func(rows scanner) error {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		if opts.Includes(name) {
			admitted = append(admitted, name)
		} else {
			all = false
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(admitted) == 0 {
		return nil
	}
	r.args = []any{r.srv.db}
	if !all {
		r.filter = " AND TABLE_NAME IN (" + strings.TrimSuffix(strings.Repeat("?,", len(admitted)), ",") + ")"
		for _, n := range admitted {
			r.args = append(r.args, n)
		}
	}
	return r.query(ctx, "tables", queryTables(r.filter), r.args, func(rows scanner) error {
		var name, engine, coll, comment, createOpts sql.NullString
		if err := rows.Scan(&name, &engine, &coll, &comment, &createOpts); err != nil {
			return err
		}
		t := &model.Table{Name: name.String, Comment: comment.String}
		if coll.String != "" {
			cs := r.charset(coll.String)
			r.tableCharset[name.String] = cs
			r.tableCollation[name.String] = coll.String
			t.Options = append(t.Options, model.TableOption{Name: "CHARSET", Value: cs}, model.TableOption{Name: "COLLATE", Value: coll.String})
		}
		if engine.String != "" {
			t.Options = append(t.Options, model.TableOption{Name: "ENGINE", Value: engine.String})
		}
		t.Options = append(t.Options, createOptions(createOpts.String)...)
		slices.SortStableFunc(t.Options, func(a, b model.TableOption) int { return strings.Compare(a.Name, b.Name) })
		t.Options = mysqldialect.ImpliedOptions(t.Options)
		r.tables[name.String] = t
		r.order = append(r.order, name.String)
		return nil
	})
}

func (r *reader) readIndexes(ctx context.Context) error {
	q := queryIndexes(r.srv.mariaDB, r.filter)
	var cur *model.Index
	var curTable string
	flush := func() {
		if cur != nil {
			t := r.tables[curTable]
			t.Indexes = append(t.Indexes, *cur)
			cur = nil
		}
	}
	err := r.query(ctx, "indexes", q, r.args, func(rows scanner) error {
		var table, name, col, ex, coll, typ, comment, ord sql.NullString
		var nonUnique, sub sql.NullInt64
		var hidden sql.NullInt64
		if err := rows.Scan(&table, &name, &nonUnique, &col, &ex, &sub, &coll, &typ, &comment, &hidden, &ord); err != nil {
			return err
		}
		t, ok := r.tables[table.String]
		if !ok {
			return nil
		}
		part := model.IndexPart{Column: col.String, Expr: ex.String, Length: int(sub.Int64), Desc: coll.String == "D"}
		if strings.EqualFold(typ.String, "SPATIAL") {
			// MariaDB reports SUB_PART 32 for a SPATIAL key part, which
			// takes no prefix length (SHOW CREATE TABLE shows none).
			part.Length = 0
		}
		if name.String == "PRIMARY" {
			t.PrimaryKey.Columns = append(t.PrimaryKey.Columns, col.String)
			t.PrimaryKey.Comment = comment.String
			return nil
		}
		if cur == nil || curTable != table.String || cur.Name != name.String {
			flush()
			method := strings.ToUpper(typ.String)
			if method == "BTREE" || method == "HASH" {
				method = ""
			}
			cur = &model.Index{Name: name.String, Unique: nonUnique.Int64 == 0, Method: method,
				Comment: comment.String, Invisible: hidden.Int64 != 0}
			curTable = table.String
		}
		cur.Parts = append(cur.Parts, part)
		return nil
	})
	flush()
	return err
}

func (r *reader) readForeignKeys(ctx context.Context) error {
	// Two queries joined here (see queryFKColumns).
	type key struct{ table, name string }
	fks := map[key]*model.ForeignKey{}
	var order []key
	err := r.query(ctx, "foreign keys",
		queryFKColumns(r.filter), r.args, func(rows scanner) error {
			var table, name, col, rschema, rtable, rcol sql.NullString
			if err := rows.Scan(&table, &name, &col, &rschema, &rtable, &rcol); err != nil {
				return err
			}
			if _, ok := r.tables[table.String]; !ok {
				return nil
			}
			k := key{table.String, name.String}
			fk, ok := fks[k]
			if !ok {
				fk = &model.ForeignKey{Name: name.String, RefTable: rtable.String}
				if rschema.String != r.srv.db {
					fk.RefSchema = rschema.String
				}
				fks[k] = fk
				order = append(order, k)
			}
			fk.Columns = append(fk.Columns, col.String)
			fk.RefColumns = append(fk.RefColumns, rcol.String)
			return nil
		})
	if err != nil {
		return err
	}
	err = r.query(ctx, "foreign key actions",
		queryFKActions(r.filter), r.args, func(rows scanner) error {
			var table, name, upd, del sql.NullString
			if err := rows.Scan(&table, &name, &upd, &del); err != nil {
				return err
			}
			if fk, ok := fks[key{table.String, name.String}]; ok {
				fk.OnUpdate = action(upd.String)
				fk.OnDelete = action(del.String)
			}
			return nil
		})
	if err != nil {
		return err
	}
	for _, k := range order {
		t := r.tables[k.table]
		t.ForeignKeys = append(t.ForeignKeys, *fks[k])
	}
	return nil
}

// createOptions reads the options of CREATE_OPTIONS ("row_format=COMPACT
// key_block_size=8") that retort models (see
// [mysqldialect.CreateOptionReset]); "partitioned" and engine-private
// flags are left out.
func createOptions(s string) []model.TableOption {
	var out []model.TableOption
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		k = strings.ToUpper(k)
		if _, known := mysqldialect.CreateOptionReset(k); !ok || !known {
			continue
		}
		out = append(out, model.TableOption{Name: k, Value: strings.Trim(v, "'\"")})
	}
	return out
}

// action reads a rule. InnoDB keeps no RESTRICT apart from no clause at
// all (both read RESTRICT, and SHOW CREATE TABLE prints no clause), which
// is NoAction; a NO ACTION written out reads NO ACTION (and is printed),
// NoActionWritten.
func action(s string) model.ReferenceAction {
	a, _ := model.ParseReferenceAction(s)
	if a == model.Restrict {
		return model.NoAction
	}
	return a
}
