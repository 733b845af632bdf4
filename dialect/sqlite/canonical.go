package sqlite

import (
	"sort"
	"strings"

	"github.com/retortdb/retort/model"
)

// Canonical returns target as SQLite reflects it right after creating it:
//
//   - types resolved with TypeSQL, the six type names SQLite knows (INT,
//     INTEGER, REAL, TEXT, BLOB, ANY) in upper case, enum columns TEXT with
//     a CHECK (col IN (...)) named ck_<table>_<col> appended to the checks;
//   - a single-column primary key with AutoIncrement (or an identity) and
//     an integer type becomes INTEGER AUTOINCREMENT without a default;
//     AutoIncrement is cleared everywhere else, so a rowid alias without
//     AUTOINCREMENT (a key declared exactly INTEGER) is not AutoIncrement,
//     as the catalog reader reports it;
//   - every column keeps the nullability it declares, key columns
//     included: SQLite reports NOT NULL only where it is written (a rowid
//     alias never holds NULL either way, and a non-integer key may hold
//     NULL unless the column says NOT NULL);
//   - generated columns have no default;
//   - foreign keys get RefSchema "" and, when they name no referenced
//     columns, the referenced table's key; INITIALLY DEFERRED implies
//     DEFERRABLE;
//   - what SQLite cannot hold is dropped: comments, charsets, ON UPDATE,
//     identity kinds, index methods, INCLUDE columns and prefix lengths,
//     other dialects' table options and enum types; the two table options
//     SQLite has are kept as the catalog reader reports them,
//     {Name: "STRICT", Value: "ON"} and {Name: "WITHOUT ROWID", Value: "ON"}, in that order;
//   - tables and indexes are sorted by name; uniques, foreign keys and
//     checks keep their order, which CreateTable keeps and the catalog
//     reader reports.
func (*Dialect) Canonical(target model.Schema) model.Schema {
	var out model.Schema
	for _, t := range target.Tables {
		out.Tables = append(out.Tables, canonicalTable(t, &target))
	}
	sort.Slice(out.Tables, func(i, j int) bool {
		a, b := out.Tables[i], out.Tables[j]
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.Name < b.Name
	})
	return out
}

// knownTypes are the type names SQLite reports in upper case.
var knownTypes = map[string]bool{"INT": true, "INTEGER": true, "REAL": true, "TEXT": true, "BLOB": true, "ANY": true}

func reflectedType(sql string) string {
	if u := strings.ToUpper(strings.TrimSpace(sql)); knownTypes[u] {
		return u
	}
	return sql
}

func canonicalTable(t model.Table, s *model.Schema) model.Table {
	out := model.Table{
		Schema: t.Schema,
		Name:   t.Name,
		PrimaryKey: model.PrimaryKey{Name: t.PrimaryKey.Name, Columns: clone(t.PrimaryKey.Columns),
			OnConflict: t.PrimaryKey.OnConflict, Desc: clone(t.PrimaryKey.Desc)},
		Options: sqliteOptions(t),
	}
	auto := autoIncrementColumn(t)
	for _, c := range t.Columns {
		nc := model.Column{
			Name:      c.Name,
			Type:      model.Type{SQL: reflectedType(typeSQL(c.Type))},
			Nullable:  c.Nullable,
			Default:   c.Default,
			Generated: c.Generated,
			Collation: c.Collation,
		}
		if !c.Nullable {
			nc.NotNullOnConflict = c.NotNullOnConflict
		}
		if c.Generated.Expr != "" {
			nc.Default = "" // a generated column has no default
		}
		if c.Name == auto {
			nc.Type.SQL, nc.AutoIncrement, nc.Default = "INTEGER", true, ""
		}
		out.Columns = append(out.Columns, nc)
	}
	for _, ix := range t.Indexes {
		nix := model.Index{Name: ix.Name, Unique: ix.Unique, Where: ix.Where}
		for _, p := range ix.Parts {
			np := model.IndexPart{Column: p.Column, Expr: p.Expr, Desc: p.Desc, Collation: p.Collation}
			if p.Expr == "" {
				np.Collation = t.KeyCollation(p.Column, p.Collation, "BINARY")
			}
			nix.Parts = append(nix.Parts, np)
		}
		out.Indexes = append(out.Indexes, nix)
	}
	sort.SliceStable(out.Indexes, func(i, j int) bool { return out.Indexes[i].Name < out.Indexes[j].Name })
	for _, u := range t.Uniques {
		out.Uniques = append(out.Uniques, model.Unique{Name: u.Name, Columns: clone(u.Columns), OnConflict: u.OnConflict})
	}
	for _, fk := range t.ForeignKeys {
		nfk := fk
		nfk.RefSchema = ""
		nfk.Columns, nfk.RefColumns = clone(fk.Columns), clone(fk.RefColumns)
		if len(nfk.RefColumns) == 0 && s != nil {
			if rt, ok := s.Table(fk.RefSchema, fk.RefTable); ok {
				nfk.RefColumns = clone(rt.PrimaryKey.Columns)
			}
		}
		nfk.Deferrable = fk.Deferrable || fk.InitiallyDeferred
		nfk.OnDelete, nfk.OnUpdate = fk.OnDelete.Rule(), fk.OnUpdate.Rule() // the pragma does not tell NO ACTION written
		out.ForeignKeys = append(out.ForeignKeys, nfk)
	}
	out.Checks = withEnumChecks(t, s)
	return out
}

// autoIncrementColumn returns the column CreateTable writes as INTEGER
// PRIMARY KEY AUTOINCREMENT, or "".
func autoIncrementColumn(t model.Table) string {
	if len(t.PrimaryKey.Columns) != 1 || len(t.PrimaryKey.Desc) > 0 || hasOption(t, "WITHOUT ROWID") {
		return "" // INTEGER PRIMARY KEY DESC is no rowid alias
	}
	c, ok := t.Column(t.PrimaryKey.Columns[0])
	if !ok || !(c.AutoIncrement || c.Identity != model.IdentityNone) {
		return ""
	}
	if typ := typeSQL(c.Type); typ != "" && typeAffinity(typ) != affInteger {
		return ""
	}
	return c.Name
}

// withEnumChecks returns t's checks followed by a CHECK (col IN (...)) for
// each enum column that has no check of that name yet.
func withEnumChecks(t model.Table, s *model.Schema) []model.Check {
	checks := append([]model.Check(nil), t.Checks...)
	for i := range checks {
		checks[i].Column = "" // the level of a check is not modelled on SQLite
	}
	for _, c := range t.Columns {
		values := c.Type.EnumValues
		if len(values) == 0 && c.Type.Enum != "" && s != nil {
			if e, ok := s.Enum(t.Schema, c.Type.Enum); ok {
				values = e.Values
			}
		}
		if len(values) == 0 {
			continue
		}
		name := checkName(t.Name, c.Name)
		if hasCheck(checks, name) {
			continue
		}
		quoted := make([]string, len(values))
		for i, v := range values {
			quoted[i] = quoteString(v)
		}
		checks = append(checks, model.Check{Name: name, Expr: quoteIdent(c.Name) + " IN (" + strings.Join(quoted, ", ") + ")"})
	}
	return checks
}

func hasCheck(checks []model.Check, name string) bool {
	for _, c := range checks {
		if c.Name == name {
			return true
		}
	}
	return false
}

// checkName is the generated column-check name, ck_<table>_<col>.
func checkName(table, col string) string { return model.CheckName(table, col) }

func clone(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append([]string(nil), s...)
}

// sqliteOptions returns the table options SQLite has that t names, as the
// catalog reader reports them: STRICT, then WITHOUT ROWID, each ON.
func sqliteOptions(t model.Table) []model.TableOption {
	var out []model.TableOption
	for _, name := range []string{"STRICT", "WITHOUT ROWID"} {
		if hasOption(t, name) {
			out = append(out, model.TableOption{Name: name, Value: "ON"})
		}
	}
	return out
}
