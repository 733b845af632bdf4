package ops

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// Describe returns op in plain words on one line, for `retort check`, for
// comments in generated files and for test dumps, e.g.
//
//	users: add column bio TEXT NULL
//	members: alter column nick: type varchar(40) -> varchar(80), set NOT NULL
//	create table notes (3 columns)
//	users: add foreign key fk_users_team_id_teams (team_id) -> teams (id) ON DELETE CASCADE
//
// Every op type has a description; the words are for people, not parsers.
func Describe(op Op) string {
	switch o := op.(type) {
	case CreateTable:
		return fmt.Sprintf("create table %s (%s)", o.Table.QualifiedName(), plural(len(o.Table.Columns), "column"))
	case DropTable:
		return "drop table " + o.Table.QualifiedName()
	case RenameTable:
		return fmt.Sprintf("rename table %s to %s", qualify(o.Schema, o.From), o.To)
	case AddColumn:
		return qualify(o.Schema, o.Table) + ": add column " + columnDef(o.Column) + positionText(o.Position)
	case DropColumn:
		return qualify(o.Schema, o.Table) + ": drop column " + columnDef(o.Column)
	case AlterColumn:
		return fmt.Sprintf("%s: alter column %s: %s", qualify(o.Schema, o.Table), alterName(o), alterChanges(o))
	case RenameColumn:
		return fmt.Sprintf("%s: rename column %s to %s", qualify(o.Schema, o.Table), o.From, o.To)
	case CreateIndex:
		verb := "create index "
		if o.Index.Unique {
			verb = "create unique index "
		}
		if o.Concurrently {
			verb += "concurrently "
		}
		return qualify(o.Schema, o.Table) + ": " + verb + indexDef(o.Index)
	case DropIndex:
		verb := "drop index "
		if o.Concurrently {
			verb += "concurrently "
		}
		return qualify(o.Schema, o.Table) + ": " + verb + indexDef(o.Index)
	case AddPrimaryKey:
		return qualify(o.Schema, o.Table) + ": add primary key " + named(o.PrimaryKey.Name, o.PrimaryKey.Columns) + keyExtras(o.PrimaryKey)
	case DropPrimaryKey:
		return qualify(o.Schema, o.Table) + ": drop primary key " + named(o.PrimaryKey.Name, o.PrimaryKey.Columns) + keyExtras(o.PrimaryKey)
	case AddUnique:
		return qualify(o.Schema, o.Table) + ": add unique " + named(o.Unique.Name, o.Unique.Columns) + onConflict(o.Unique.OnConflict)
	case DropUnique:
		return qualify(o.Schema, o.Table) + ": drop unique " + named(o.Unique.Name, o.Unique.Columns) + onConflict(o.Unique.OnConflict)
	case AddForeignKey:
		return qualify(o.Schema, o.Table) + ": add foreign key " + foreignKeyDef(o.ForeignKey)
	case DropForeignKey:
		return qualify(o.Schema, o.Table) + ": drop foreign key " + foreignKeyDef(o.ForeignKey)
	case AddCheck:
		return qualify(o.Schema, o.Table) + ": add check " + checkDef(o.Check)
	case DropCheck:
		return qualify(o.Schema, o.Table) + ": drop check " + checkDef(o.Check)
	case SetTableComment:
		return qualify(o.Schema, o.Table) + ": " + textChange("comment", o.From, o.To)
	case CreateExtension:
		return describeExtension("create", o.Extension)
	case DropExtension:
		return describeExtension("drop", o.Extension)
	case AddExclude:
		return qualify(o.Schema, o.Table) + ": add exclusion constraint " + excludeDef(o.Exclude)
	case DropExclude:
		return qualify(o.Schema, o.Table) + ": drop exclusion constraint " + excludeDef(o.Exclude)
	case SetObjectComment:
		return describeObjectComment(o)
	case ValidateConstraint:
		return qualify(o.Schema, o.Table) + ": validate constraint " + o.Name()
	case SetTableOptions:
		return fmt.Sprintf("%s: set options %s -> %s", qualify(o.Schema, o.Table), optionList(o.From), optionList(o.To))
	case CreateEnum:
		return fmt.Sprintf("create enum %s (%s)", qualify(o.Enum.Schema, o.Enum.Name), enumValues(o.Enum.Values))
	case DropEnum:
		return fmt.Sprintf("drop enum %s (%s)", qualify(o.Enum.Schema, o.Enum.Name), enumValues(o.Enum.Values))
	case SetEnumComment:
		return "enum " + qualify(o.Schema, o.Enum) + ": " + textChange("comment", o.From, o.To)
	case AddEnumValue:
		s := fmt.Sprintf("enum %s: add value %s", qualify(o.Schema, o.Enum), sqlString(o.Value))
		switch {
		case o.Before != "":
			s += " before " + sqlString(o.Before)
		case o.After != "":
			s += " after " + sqlString(o.After)
		}
		return s
	case RenameEnum:
		return fmt.Sprintf("rename enum %s to %s", qualify(o.Schema, o.From), o.To)
	case Execute:
		return "execute: " + firstLine(o.SQL)
	case BulkInsert:
		noun := "rows"
		if len(o.Rows) == 1 {
			noun = "row"
		}
		return fmt.Sprintf("%s: insert %d %s (%s)", qualify(o.Schema, o.Table), len(o.Rows), noun, strings.Join(o.Columns, ", "))
	case Custom:
		if ir, ok := IrreversibleOf(o); ok {
			return "cannot undo: " + ir.What
		}
		if o.Op == nil {
			return "custom: <nil>"
		}
		return "custom: " + o.Op.Name()
	}
	return fmt.Sprintf("unknown op %T", op)
}

// qualify joins a schema and a name as "schema.name", or just the name.
func qualify(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// columnDef is "name type NULL|NOT NULL" plus whatever else the column has.
func columnDef(c model.Column) string {
	var b strings.Builder
	b.WriteString(c.Name)
	b.WriteString(" ")
	b.WriteString(typeName(c.Type))
	if c.Nullable {
		b.WriteString(" NULL")
	} else {
		b.WriteString(" NOT NULL")
	}
	if c.Default != "" {
		b.WriteString(" DEFAULT " + c.Default)
	}
	if c.AutoIncrement {
		b.WriteString(" AUTOINCREMENT")
	}
	if c.Identity != model.IdentityNone {
		b.WriteString(" GENERATED " + c.Identity.String() + " AS IDENTITY")
	}
	if c.Generated.Expr != "" {
		b.WriteString(" " + generatedDef(c.Generated))
	}
	if c.OnUpdate != "" {
		b.WriteString(" ON UPDATE " + c.OnUpdate)
	}
	if c.Charset != "" {
		b.WriteString(" CHARACTER SET " + c.Charset)
	}
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if c.Comment != "" {
		b.WriteString(" COMMENT " + sqlString(c.Comment))
	}
	return b.String()
}

func typeName(t model.Type) string {
	if s := t.String(); s != "" {
		return s
	}
	return "<no type>"
}

func generatedDef(g model.Generated) string {
	kind := "VIRTUAL"
	if g.Stored {
		kind = "STORED"
	}
	return "GENERATED ALWAYS AS (" + g.Expr + ") " + kind
}

func alterName(o AlterColumn) string {
	if o.To.Name != "" {
		return o.To.Name
	}
	return o.From.Name
}

// alterChanges lists the changed aspects of an AlterColumn in ChangeKind bit
// order, comma-separated.
func alterChanges(o AlterColumn) string {
	f, t := o.From, o.To
	var parts []string
	if o.Change.Has(ChangeType) {
		parts = append(parts, fmt.Sprintf("type %s -> %s", typeName(f.Type), typeName(t.Type)))
	}
	if o.Change.Has(ChangeNullable) {
		switch {
		case f.Nullable != t.Nullable && t.Nullable:
			parts = append(parts, "drop NOT NULL")
		case f.Nullable != t.Nullable:
			parts = append(parts, "set NOT NULL"+onConflict(t.NotNullOnConflict))
		case f.NotNullOnConflict != t.NotNullOnConflict:
			parts = append(parts, fmt.Sprintf("NOT NULL ON CONFLICT %s -> %s", conflictWord(f.NotNullOnConflict), conflictWord(t.NotNullOnConflict)))
		case t.Nullable:
			parts = append(parts, "drop NOT NULL")
		default:
			parts = append(parts, "set NOT NULL")
		}
	}
	if o.Change.Has(ChangeDefault) {
		parts = append(parts, setDrop("default", f.Default, t.Default))
	}
	if o.Change.Has(ChangeComment) {
		parts = append(parts, textChange("comment", f.Comment, t.Comment))
	}
	if o.Change.Has(ChangeAutoIncrement) && f.AutoIncrement != t.AutoIncrement {
		if t.AutoIncrement {
			parts = append(parts, "set autoincrement")
		} else {
			parts = append(parts, "drop autoincrement")
		}
	}
	if o.Change.Has(ChangeIdentity) {
		parts = append(parts, setDrop("identity", f.Identity.String(), t.Identity.String()))
	}
	if o.Change.Has(ChangeAutoIncrement) && f.AutoIncrement && t.AutoIncrement && f.Serial != t.Serial {
		if t.Serial {
			parts = append(parts, "set serial")
		} else {
			parts = append(parts, "drop serial")
		}
	}
	if o.Change.Has(ChangeStorage) {
		if f.Storage != t.Storage {
			parts = append(parts, setDrop("storage", f.Storage, t.Storage))
		}
		if f.Compression != t.Compression {
			parts = append(parts, setDrop("compression", f.Compression, t.Compression))
		}
	}
	if o.Change.Has(ChangeSequence) {
		parts = append(parts, setDrop("sequence options", f.Sequence, t.Sequence))
	}
	if o.Change.Has(ChangeGenerated) {
		var from, to string
		if f.Generated.Expr != "" {
			from = generatedDef(f.Generated)
		}
		if t.Generated.Expr != "" {
			to = generatedDef(t.Generated)
		}
		parts = append(parts, setDrop("generated", from, to))
	}
	if o.Change.Has(ChangeCollation) {
		if f.Charset != t.Charset {
			parts = append(parts, setDrop("charset", f.Charset, t.Charset))
		}
		if f.Collation != t.Collation || f.Charset == t.Charset {
			parts = append(parts, setDrop("collation", f.Collation, t.Collation))
		}
	}
	if o.Change.Has(ChangeOnUpdate) {
		parts = append(parts, setDrop("on update", f.OnUpdate, t.OnUpdate))
	}
	if o.Change.Has(ChangeInvisible) {
		if t.Invisible {
			parts = append(parts, "make invisible")
		} else {
			parts = append(parts, "make visible")
		}
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, ", ")
}

// setDrop words a change of an optional value: "set X v", "drop X" or
// "X a -> b".
func setDrop(what, from, to string) string {
	switch {
	case from == "" && to == "":
		return what + " unchanged"
	case from == "":
		return "set " + what + " " + to
	case to == "":
		return "drop " + what + " " + from
	}
	return what + " " + from + " -> " + to
}

// textChange words a change of a text value such as a comment, quoted.
func textChange(what, from, to string) string {
	switch {
	case from == "" && to != "":
		return "set " + what + " " + strconv.Quote(to)
	case to == "" && from != "":
		return "drop " + what + " " + strconv.Quote(from)
	}
	return what + " " + strconv.Quote(from) + " -> " + strconv.Quote(to)
}

// sqlString quotes s as an SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// named is "name (a, b)", or "(a, b)" when the object has no name.
// keyExtras describes a primary key's DESC columns and ON CONFLICT clause.
func keyExtras(pk model.PrimaryKey) string {
	s := ""
	if len(pk.Desc) > 0 {
		s += " DESC (" + strings.Join(pk.Desc, ", ") + ")"
	}
	return s + onConflict(pk.OnConflict)
}

// onConflict is " ON CONFLICT action", or "" for the default.
func onConflict(a model.ConflictAction) string {
	if a == model.ConflictDefault {
		return ""
	}
	return " ON CONFLICT " + a.String()
}

// conflictWord names an action, "default" for none.
func conflictWord(a model.ConflictAction) string {
	if a == model.ConflictDefault {
		return "default"
	}
	return a.String()
}

func named(name string, cols []string) string {
	list := "(" + strings.Join(cols, ", ") + ")"
	if name == "" {
		return list
	}
	return name + " " + list
}

func indexDef(ix model.Index) string {
	var b strings.Builder
	b.WriteString(ix.Name)
	b.WriteString(" (")
	for i, p := range ix.Parts {
		if i > 0 {
			b.WriteString(", ")
		}
		if p.Column != "" {
			b.WriteString(p.Column)
		} else {
			b.WriteString("(" + p.Expr + ")")
		}
		if p.Length > 0 {
			b.WriteString("(" + strconv.Itoa(p.Length) + ")")
		}
		if p.Desc {
			b.WriteString(" DESC")
		}
	}
	b.WriteString(")")
	if ix.Method != "" {
		b.WriteString(" USING " + ix.Method)
	}
	if len(ix.Include) > 0 {
		b.WriteString(" INCLUDE (" + strings.Join(ix.Include, ", ") + ")")
	}
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.Where)
	}
	return b.String()
}

func foreignKeyDef(fk model.ForeignKey) string {
	s := fmt.Sprintf("%s -> %s (%s)", named(fk.Name, fk.Columns), qualify(fk.RefSchema, fk.RefTable), strings.Join(fk.RefColumns, ", "))
	if fk.OnDelete != model.NoAction {
		s += " ON DELETE " + fk.OnDelete.String()
	}
	if fk.OnUpdate != model.NoAction {
		s += " ON UPDATE " + fk.OnUpdate.String()
	}
	if fk.Deferrable {
		s += " DEFERRABLE"
		if fk.InitiallyDeferred {
			s += " INITIALLY DEFERRED"
		}
	}
	return s
}

func checkDef(c model.Check) string {
	if c.Name == "" {
		return "(" + c.Expr + ")"
	}
	return c.Name + " (" + c.Expr + ")"
}

func optionList(opts []model.TableOption) string {
	if len(opts) == 0 {
		return "none"
	}
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = o.Name + "=" + o.Value
	}
	return strings.Join(parts, " ")
}

func enumValues(vals []string) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = sqlString(v)
	}
	return strings.Join(parts, ", ")
}

// firstLine is the first non-blank line of sql, trimmed, with " ..." when
// more lines follow.
func firstLine(sql string) string {
	lines := strings.Split(strings.TrimSpace(sql), "\n")
	first := strings.TrimSpace(lines[0])
	if len(lines) > 1 {
		first += " ..."
	}
	return first
}

// positionText is " first", " after x" or "" (last).
func positionText(p ColumnPosition) string {
	switch {
	case p.First:
		return " first"
	case p.After != "":
		return " after " + p.After
	}
	return ""
}
