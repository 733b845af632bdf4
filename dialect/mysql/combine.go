package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// Many MySQL and MariaDB ALTER TABLEs copy the table, so consecutive ops on
// one table are sent as one ALTER TABLE with several clauses, as a MySQL
// user would write it. The rules are conservative; ops that break them
// run on their own:
//
//   - Only these ops merge: AddColumn (not AUTO_INCREMENT, which reads
//     the live primary key), DropColumn, AlterColumn without a rename
//     (MODIFY COLUMN), CreateIndex (not on an expression, whose columns
//     are unknown), DropIndex, AddUnique, DropUnique,
//     AddForeignKey, DropForeignKey, AddCheck, DropCheck (a column-level
//     one is a MODIFY of its column) and SetTableComment. Renames (cheap in place anyway), primary key
//     changes (they read the live key), table options (a charset change
//     would apply to the columns added beside it) and everything that is
//     not an ALTER TABLE never do.
//   - All on one table; no column or index/constraint name is touched
//     twice in one statement, except a column dropped and then added
//     again (a recreated generated column: the table never loses its
//     last column, and a clause placed AFTER it sees the new one). A new index or foreign key may use a column
//     added in the same statement, but no column a clause before it drops
//     or modifies, and a column is not dropped or modified after a new key
//     on it.
//   - CreateIndex and DropIndex read the live table for the foreign keys'
//     own indexes (fkindex.go), planned from the table as it was before
//     the statement: a DropIndex or DropUnique merges only after column,
//     check and comment clauses; a CreateIndex or AddUnique not after a
//     DropColumn, an index drop or a foreign key clause, nor after a new
//     index that starts with the same column (both could serve one key).
//     Two FULLTEXT or SPATIAL indexes are not added in one statement
//     (InnoDB builds one FULLTEXT index at a time: ER_INNODB_FT_LIMIT).
//   - A foreign key is not added and dropped in one statement (MySQL
//     refuses that with ALGORITHM=COPY), nor merged after an index drop.

var _ dialect.AlterCombiner = (*Dialect)(nil)

// alterKind classifies a mergeable op.
type alterKind int

const (
	kindColumn    alterKind = iota // AddColumn, DropColumn, AlterColumn
	kindAddIndex                   // CreateIndex, AddUnique
	kindDropIndex                  // DropIndex, DropUnique
	kindAddFK                      // AddForeignKey
	kindDropFK                     // DropForeignKey
	kindOther                      // AddCheck, DropCheck, SetTableComment
)

// alterOp is what the rules need to know of a mergeable op. Names are
// lower-cased: MySQL column and index names are case-insensitive.
type alterOp struct {
	schema, table string
	kind          alterKind
	cols          []string // columns it adds, drops or modifies
	added         bool     // cols are added (AddColumn)
	dropsColumn   bool
	refs          []string // columns a new index or foreign key uses
	names         []string // indexes and constraints it adds or drops
	special       bool     // adds a FULLTEXT or SPATIAL index
}

// CanCombine reports whether op may join the ALTER TABLE that pending
// make (see the rules above).
func (d *Dialect) CanCombine(pending []ops.Op, op ops.Op) bool {
	next, ok := describeAlter(op)
	if !ok || len(pending) == 0 {
		return false
	}
	var before []alterOp
	var readded []string // columns a pending clause adds
	for _, p := range pending {
		a, ok := describeAlter(p)
		if !ok || a.schema != next.schema || a.table != next.table {
			return false
		}
		before = append(before, a)
		if a.added {
			readded = append(readded, a.cols...)
		}
	}
	for _, a := range before {
		// A column dropped and added again in one statement is how a
		// generated column is recreated; it also keeps the table from
		// losing its last column in between.
		recreate := a.dropsColumn && next.added
		if overlaps(a.names, next.names) || overlaps(a.cols, next.cols) && !recreate || overlaps(a.refs, next.cols) {
			return false
		}
		if !a.added && overlaps(a.cols, next.refs) && !(a.dropsColumn && containsAll(readded, next.refs)) {
			return false
		}
		switch next.kind {
		case kindDropIndex:
			if a.kind != kindColumn && a.kind != kindOther || a.dropsColumn {
				return false
			}
		case kindAddIndex:
			if a.kind == kindDropIndex || a.kind == kindAddFK || a.kind == kindDropFK || a.dropsColumn {
				return false
			}
			if a.kind == kindAddIndex && len(a.refs) > 0 && len(next.refs) > 0 && a.refs[0] == next.refs[0] {
				return false
			}
			if a.special && next.special {
				return false
			}
		case kindAddFK, kindDropFK:
			if a.kind == kindDropIndex || a.kind != next.kind && (a.kind == kindAddFK || a.kind == kindDropFK) {
				return false
			}
		}
	}
	return true
}

// describeAlter returns what the rules need to know of op; ok is false for
// an op that never merges.
func describeAlter(op ops.Op) (a alterOp, ok bool) {
	switch o := op.(type) {
	case ops.AddColumn:
		if o.Column.AutoIncrement {
			return a, false
		}
		// A column placed after another uses it, as a key does.
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindColumn, cols: lower(o.Column.Name), added: true, refs: lower(o.Position.After)}
	case ops.DropColumn:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindColumn, cols: lower(o.Column.Name), dropsColumn: true}
	case ops.AlterColumn:
		if o.From.Name != "" && o.From.Name != o.To.Name {
			return a, false
		}
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindColumn, cols: lower(o.To.Name)}
	case ops.CreateIndex:
		var refs []string
		for _, p := range o.Index.Parts {
			if p.Column == "" {
				return a, false // an expression: its columns are unknown
			}
			refs = append(refs, p.Column)
		}
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindAddIndex, refs: lower(refs...), names: lower(o.Index.Name), special: indexKind(o.Index) == "FULLTEXT " || indexKind(o.Index) == "SPATIAL "}
	case ops.AddUnique:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindAddIndex, refs: lower(o.Unique.Columns...), names: lower(o.Unique.Name)}
	case ops.DropIndex:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindDropIndex, names: lower(o.Index.Name)}
	case ops.DropUnique:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindDropIndex, names: lower(o.Unique.Name)}
	case ops.AddForeignKey:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindAddFK, refs: lower(o.ForeignKey.Columns...), names: lower(o.ForeignKey.Name)}
	case ops.DropForeignKey:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindDropFK, names: lower(o.ForeignKey.Name)}
	case ops.AddCheck:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindOther, names: lower(o.Check.Name)}
		if o.Check.Column != "" {
			// A column-level check is a MODIFY of its column (columncheck.go).
			a.kind, a.cols = kindColumn, lower(o.Check.Column)
		}
	case ops.DropCheck:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindOther, names: lower(o.Check.Name)}
		if o.Check.Column != "" {
			a.kind, a.cols = kindColumn, lower(o.Check.Column)
		}
	case ops.SetTableComment:
		a = alterOp{schema: o.Schema, table: o.Table, kind: kindOther, names: []string{"\x00comment"}}
	default:
		return a, false
	}
	return a, true
}

// lower lower-cases names, leaving out empty ones.
func lower(names ...string) []string {
	var out []string
	for _, n := range names {
		if n != "" {
			out = append(out, strings.ToLower(n))
		}
	}
	return out
}

// containsAll reports whether every name of b is in a.
func containsAll(a, b []string) bool {
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// overlaps reports whether a and b share a name.
func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
