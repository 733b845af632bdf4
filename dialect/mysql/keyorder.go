package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

var _ dialect.KeyOrderer = (*Dialect)(nil)

// Key groups in the order the server lists them (sql_table.cc's
// sort_keys, run on every CREATE and ALTER TABLE): the primary key (not
// one of a model's Indexes), the unique keys whose columns are all NOT
// NULL, without then with a prefix part, the unique keys with a nullable
// column, likewise, MariaDB's long unique keys (a hash of the whole
// value), then the other keys, FULLTEXT last.
const (
	groupUniqueNotNull = iota
	groupUniqueNotNullPrefix
	groupUniqueNullable
	groupUniqueNullablePrefix
	groupLongUnique
	groupPlain
	groupFulltext
)

// SortKeys sorts t.Indexes as SHOW CREATE TABLE lists them: by group
// (see the group constants), and within a group in the order given, which
// is the order the keys were created in (an ALTER TABLE keeps the keys it
// does not drop where they were and appends the ones it adds, then sorts
// them again). A key's group follows from t's columns as they are now.
//
// A unique key written USING HASH (Method "HASH", as the MariaDB reader
// reads it) is a long unique key on MariaDB, whatever its columns; a
// unique key on a whole BLOB or TEXT column is one however written.
func (d *Dialect) SortKeys(t *model.Table) {
	slices.SortStableFunc(t.Indexes, func(a, b model.Index) int { return d.keyGroup(t, a) - d.keyGroup(t, b) })
}

// An ALTER TABLE leaves the keys it does not create as they were: MariaDB
// 10.11 turns a unique key written USING HASH on short columns into an
// ordinary unique key on every ALTER TABLE, CREATE INDEX or DROP INDEX of
// the table, but retort's ALTER TABLE drops and adds such a key again,
// with the long unique keys after it, before its own clauses
// (KeepAlters), so the key keeps USING HASH and the keys keep their
// order, those the statement creates going last. Not modelled: a key on a
// column the migration renames, which KeepAlters leaves to the server.

// keyGroup is the group of ix in t.
func (d *Dialect) keyGroup(t *model.Table, ix model.Index) int {
	if !ix.Unique {
		if strings.EqualFold(ix.Method, "FULLTEXT") {
			return groupFulltext
		}
		return groupPlain
	}
	nullable, prefix, long := false, false, false
	for _, p := range ix.Parts {
		if p.Length > 0 {
			prefix = true
		}
		c, ok := foldedColumn(t, p.Column)
		if !ok {
			// An expression part (MySQL 8) or a column the table lacks:
			// the server takes an expression as nullable.
			nullable = true
			continue
		}
		if c.Nullable {
			nullable = true
		}
		if p.Length == 0 && isBlobOrText(c.Type.SQL) {
			long = true
		}
	}
	if strings.EqualFold(ix.Method, "HASH") {
		long = true
	}
	switch {
	case long && d.Flavor == FlavorMariaDB:
		return groupLongUnique
	case nullable && prefix:
		return groupUniqueNullablePrefix
	case nullable:
		return groupUniqueNullable
	case prefix:
		return groupUniqueNotNullPrefix
	}
	return groupUniqueNotNull
}

// foldedColumn returns t's column named name, case aside (the server
// folds column names).
func foldedColumn(t *model.Table, name string) (model.Column, bool) {
	i := slices.IndexFunc(t.Columns, func(c model.Column) bool { return strings.EqualFold(c.Name, name) })
	if i < 0 {
		return model.Column{}, false
	}
	return t.Columns[i], true
}

// isBlobOrText reports whether a column type is one of the BLOB or TEXT
// types (JSON is LONGTEXT on MariaDB), which a key can take whole only as
// a long unique key.
func isBlobOrText(typ string) bool {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(typ)), "(")
	base, _, _ = strings.Cut(base, " ")
	switch base {
	case "tinyblob", "blob", "mediumblob", "longblob", "tinytext", "text", "mediumtext", "longtext", "json":
		return true
	}
	return false
}
