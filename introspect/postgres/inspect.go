package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/seqopt"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

// Inspector reads a PostgreSQL catalog. The zero value is ready to use.
type Inspector struct{}

var _ introspect.Inspector = Inspector{}

// Queries is the number of catalog queries [Inspector.Inspect] runs when at
// least one table is admitted (three when none is: tables, enums and
// extensions).
const Queries = 6

// Inspect reads every admitted table of opts.Schema (the connection's
// current schema when empty), the schema's enum types, and the
// database's extensions (every one: AllExtensions is set).
func (Inspector) Inspect(ctx context.Context, q introspect.Querier, opts introspect.Options) (model.Schema, error) {
	var s model.Schema
	tables, err := readTables(ctx, q, opts)
	if err != nil {
		return s, err
	}
	names := make([]string, len(tables))
	byName := make(map[string]*model.Table, len(tables))
	for i := range tables {
		names[i] = tables[i].Name
		byName[tables[i].Name] = &tables[i]
	}
	if len(tables) > 0 {
		for _, read := range []func(context.Context, introspect.Querier, string, []string, map[string]*model.Table) error{
			readColumns, readConstraints, readIndexes,
		} {
			if err := read(ctx, q, opts.Schema, names, byName); err != nil {
				return s, err
			}
		}
	}
	s.Tables = tables
	if s.Enums, err = readEnums(ctx, q, opts.Schema); err != nil {
		return s, err
	}
	if s.Extensions, err = readExtensions(ctx, q, opts.Schema); err != nil {
		return s, err
	}
	s.AllExtensions = true
	return s, nil
}

func query(ctx context.Context, q introspect.Querier, what, sqlText string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return fmt.Errorf("postgres: read %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("postgres: read %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: read %s: %w", what, err)
	}
	return nil
}

func readTables(ctx context.Context, q introspect.Querier, opts introspect.Options) ([]model.Table, error) {
	var tables []model.Table
	err := query(ctx, q, "tables", tablesQuery, []any{opts.Schema}, func(rows *sql.Rows) error {
		var (
			t                             model.Table
			unlogged, rowSec, forceRowSec bool
			params, replIdent, replIndex  string
		)
		if err := rows.Scan(&t.Name, &t.Comment, &unlogged, &params, &rowSec, &forceRowSec, &replIdent, &replIndex); err != nil {
			return err
		}
		// Table options, always all (an empty value is unset): UNLOGGED
		// ("true"), WITH ("(storage parameters)"), FORCE_ROW_SECURITY
		// ("true"), REPLICA_IDENTITY (FULL, NOTHING, "USING INDEX name"),
		// ROW_SECURITY ("true").
		t.Options = []model.TableOption{{Name: "UNLOGGED"}, {Name: "WITH"},
			{Name: "FORCE_ROW_SECURITY"}, {Name: "REPLICA_IDENTITY"}, {Name: "ROW_SECURITY"}}
		if unlogged {
			t.Options[0].Value = "true"
		}
		if params != "" {
			t.Options[1].Value = "(" + params + ")"
		}
		if forceRowSec {
			t.Options[2].Value = "true"
		}
		switch replIdent {
		case "f":
			t.Options[3].Value = "FULL"
		case "n":
			t.Options[3].Value = "NOTHING"
		case "i":
			t.Options[3].Value = "USING INDEX " + replIndex
		}
		if rowSec {
			t.Options[4].Value = "true"
		}
		if opts.Includes(t.Name) {
			tables = append(tables, t)
		}
		return nil
	})
	return tables, err
}

func readColumns(ctx context.Context, q introspect.Querier, schema string, names []string, byName map[string]*model.Table) error {
	return query(ctx, q, "columns", columnsQuery, []any{schema, names}, func(rows *sql.Rows) error {
		var (
			table, typ, identity, generated, enum, seqType string
			c                                              model.Column
			notNull, isArray, ownsSeq                      bool
			seqStart, seqInc, seqMin, seqMax, seqCache     sql.NullInt64
			seqCycle                                       sql.NullBool
		)
		if err := rows.Scan(&table, &c.Name, &typ, &notNull, &c.Default, &identity, &generated,
			&c.Comment, &c.Collation, &enum, &isArray, &ownsSeq,
			&seqStart, &seqInc, &seqMin, &seqMax, &seqCache, &seqCycle, &seqType, &c.Storage, &c.Compression); err != nil {
			return err
		}
		t, ok := byName[table]
		if !ok {
			return nil
		}
		c.Nullable = !notNull
		c.Type = model.Type{SQL: typ}
		if enum != "" {
			if isArray {
				c.Type.SQL = enum + "[]"
			} else {
				c.Type = model.Type{SQL: enum, Enum: enum}
			}
		}
		switch identity {
		case "a":
			c.Identity = model.IdentityAlways
		case "d":
			c.AutoIncrement, c.Identity = true, model.IdentityByDefault
		}
		if generated == "s" {
			c.Generated = model.Generated{Expr: c.Default, Stored: true}
			c.Default = ""
		}
		if ownsSeq && strings.HasPrefix(c.Default, "nextval(") {
			c.AutoIncrement, c.Serial = true, true
			c.Default = ""
		}
		if (c.Identity != model.IdentityNone || c.Serial) && seqInc.Valid {
			bits := seqopt.Bits(typ)
			o := seqopt.Options{Start: seqStart.Int64, Increment: seqInc.Int64, Min: seqMin.Int64,
				Max: seqMax.Int64, Cache: seqCache.Int64, Cycle: seqCycle.Bool}
			if seqopt.Bits(seqType) != bits {
				o.As = seqType
			}
			c.Sequence = seqopt.Format(o, bits)
		}
		t.Columns = append(t.Columns, c)
		return nil
	})
}

func readConstraints(ctx context.Context, q introspect.Querier, schema string, names []string, byName map[string]*model.Table) error {
	return query(ctx, q, "constraints", constraintsQuery, []any{schema, names}, func(rows *sql.Rows) error {
		var (
			table, name, kind, cols, refSchema, refTable, refCols, onDel, onUpd, def string
			match, comment                                                           string
			deferrable, deferred, nullsNotDistinct, noInherit, notValid              bool
		)
		if err := rows.Scan(&table, &name, &kind, &cols, &refSchema, &refTable, &refCols,
			&onDel, &onUpd, &deferrable, &deferred, &def, &nullsNotDistinct, &match, &noInherit, &comment, &notValid); err != nil {
			return err
		}
		t, ok := byName[table]
		if !ok {
			return nil
		}
		columns, err := jsonStrings(cols)
		if err != nil {
			return err
		}
		switch kind {
		case "p":
			t.PrimaryKey = model.PrimaryKey{Name: name, Columns: columns, Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment}
		case "u":
			t.Uniques = append(t.Uniques, model.Unique{Name: name, Columns: columns, NullsNotDistinct: nullsNotDistinct,
				Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment})
		case "f":
			rc, err := jsonStrings(refCols)
			if err != nil {
				return err
			}
			t.ForeignKeys = append(t.ForeignKeys, model.ForeignKey{
				Name: name, Columns: columns, RefSchema: refSchema, RefTable: refTable, RefColumns: rc,
				OnDelete: action(onDel), OnUpdate: action(onUpd),
				Deferrable: deferrable, InitiallyDeferred: deferred, MatchFull: match == "f", Comment: comment,
				NotValid: notValid,
			})
		case "c":
			t.Checks = append(t.Checks, model.Check{Name: name, Expr: checkExpr(def), NoInherit: noInherit, Comment: comment, NotValid: notValid})
		case "x":
			t.Excludes = append(t.Excludes, model.Exclude{Name: name, Def: strings.TrimPrefix(def, "EXCLUDE "), Comment: comment})
		}
		return nil
	})
}

// checkExpr takes the expression out of "CHECK (expr)" and its trailing
// NOT VALID or NO INHERIT.
func checkExpr(def string) string {
	s := strings.TrimSpace(def)
	rest, ok := strings.CutPrefix(s, "CHECK ")
	if !ok || !strings.HasPrefix(rest, "(") {
		return s
	}
	depth := 0
	var quote byte
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return strings.TrimSpace(rest[1:i])
			}
		}
	}
	return s
}

func action(code string) model.ReferenceAction {
	switch code {
	case "r":
		return model.Restrict
	case "c":
		return model.Cascade
	case "n":
		return model.SetNull
	case "d":
		return model.SetDefault
	}
	return model.NoAction
}

func jsonStrings(s string) ([]string, error) {
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

func readIndexes(ctx context.Context, q introspect.Querier, schema string, names []string, byName map[string]*model.Table) error {
	var last *model.Index
	return query(ctx, q, "indexes", indexesQuery, []any{schema, names}, func(rows *sql.Rows) error {
		var (
			table, name, method, where, text    string
			collation, opclass, params, comment string
			unique, nullsNotDistinct            bool
			nKey, pos, num, option              int
		)
		if err := rows.Scan(&table, &name, &unique, &method, &where, &nKey, &pos, &num, &text, &option,
			&collation, &opclass, &nullsNotDistinct, &params, &comment); err != nil {
			return err
		}
		t, ok := byName[table]
		if !ok {
			return nil
		}
		if pos == 1 {
			t.Indexes = append(t.Indexes, model.Index{Name: name, Unique: unique, Method: method, Where: where,
				NullsNotDistinct: nullsNotDistinct, StorageParams: params, Comment: comment})
			last = &t.Indexes[len(t.Indexes)-1]
		}
		if last == nil || last.Name != name {
			return fmt.Errorf("index %s.%s: keys out of order", table, name)
		}
		if pos > nKey {
			last.Include = append(last.Include, text)
			return nil
		}
		// indoption: bit 1 DESC, bit 2 NULLS FIRST (the default when DESC).
		p := model.IndexPart{Desc: option&1 != 0, Collation: collation, Opclass: opclass}
		if nullsFirst := option&2 != 0; nullsFirst != p.Desc {
			p.Nulls = model.NullsLast
			if nullsFirst {
				p.Nulls = model.NullsFirst
			}
		}
		if num == 0 {
			p.Expr = text
		} else {
			p.Column = text
		}
		last.Parts = append(last.Parts, p)
		return nil
	})
}

func readEnums(ctx context.Context, q introspect.Querier, schema string) ([]model.Enum, error) {
	var enums []model.Enum
	err := query(ctx, q, "enums", enumsQuery, []any{schema}, func(rows *sql.Rows) error {
		var name, label, comment string
		if err := rows.Scan(&name, &label, &comment); err != nil {
			return err
		}
		if n := len(enums); n == 0 || enums[n-1].Name != name {
			enums = append(enums, model.Enum{Name: name, Comment: comment})
		}
		e := &enums[len(enums)-1]
		e.Values = append(e.Values, label)
		return nil
	})
	return enums, err
}
