package modelgen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
)

// tableGen writes one table's struct.
type tableGen struct {
	g     *generator
	t     model.Table
	warns []Warning
}

// warn records an attribute of the table (col "") or of a column that is
// not written.
func (tg *tableGen) warn(col, format string, args ...any) {
	tg.warns = append(tg.warns, Warning{Table: tg.t.QualifiedName(), Column: col, Lost: fmt.Sprintf(format, args...)})
}

// write adds the struct named name, and its TableName method, to f.
func (tg *tableGen) write(f *jen.File, name string) {
	t := tg.t
	method := !strings.Contains(t.Name, ".") && !strings.Contains(t.Schema, ".")
	var fields []jen.Code
	if opts := tg.tableOptions(!method); len(opts) > 0 {
		fields = append(fields, blank(opts))
	}
	if len(tg.g.extensions) > 0 {
		fields = append(fields, blank(tg.g.extensions))
		tg.g.extensions = nil
	}
	for _, o := range tg.objects() {
		fields = append(fields, blank([]string{o}))
	}
	names := newNamer("TableName")
	for _, c := range tg.columnOrder() {
		if fc, ok := tg.field(names, c); ok {
			fields = append(fields, fc)
		}
	}
	f.Comment(fmt.Sprintf("%s is the table %s.", name, t.QualifiedName()))
	for _, w := range tg.warns {
		f.Comment("")
		f.Comment("Not written: " + w.String())
	}
	f.Type().Id(name).Struct(fields...)
	if method {
		f.Line()
		f.Comment(fmt.Sprintf("TableName returns the table's name, %s.", t.QualifiedName()))
		f.Func().Params(jen.Id(name)).Id("TableName").Params().String().Block(jen.Return(jen.Lit(t.QualifiedName())))
	}
	f.Line()
}

// blank is a table-options field: _ struct{} `db:",opt,opt"`.
func blank(opts []string) jen.Code {
	return jen.Id("_").Struct().Tag(map[string]string{"db": "," + strings.Join(opts, ",")})
}

// tableOptions are the table's own options: name and schema when no
// TableName method can give them, comment, dialect options.
func (tg *tableGen) tableOptions(named bool) []string {
	t := tg.t
	var out []string
	if named {
		if safeValue(t.Name) {
			out = append(out, "table="+t.Name)
		} else {
			tg.warn("", "the table name cannot be written in a db tag")
		}
		if t.Schema != "" {
			if safeValue(t.Schema) {
				out = append(out, "schema="+t.Schema)
			} else {
				tg.warn("", "the schema name cannot be written in a db tag")
			}
		}
	}
	if t.Comment != "" {
		out = append(out, "comment="+quoteSQL(t.Comment))
	}
	switch {
	case t.PrimaryKey.InitiallyDeferred:
		out = append(out, "pk_timing=deferred")
	case t.PrimaryKey.Deferrable:
		out = append(out, "pk_timing=deferrable")
	}
	if t.PrimaryKey.Comment != "" {
		out = append(out, "pk_comment="+quoteSQL(t.PrimaryKey.Comment))
	}
	for _, o := range t.Options {
		if o.Value == "" {
			continue // unset
		}
		v := "option=" + o.Name + "=" + o.Value
		if strings.Contains(o.Name, "=") || !safeValue(o.Name) || !safeValue(o.Value) {
			tg.warn("", "table option %s=%s cannot be written in a db tag", o.Name, o.Value)
			continue
		}
		out = append(out, v)
	}
	return out
}

// columnOrder is the table's column order, except that the primary key's
// columns, which the tag grammar lists in field order, take the places of
// the key's columns in key order.
func (tg *tableGen) columnOrder() []model.Column {
	cols := slices.Clone(tg.t.Columns)
	pk := tg.t.PrimaryKey.Columns
	var at []int
	for i, c := range cols {
		if slices.Contains(pk, c.Name) {
			at = append(at, i)
		}
	}
	if len(at) != len(pk) {
		return cols
	}
	inOrder := true
	for k, i := range at {
		if cols[i].Name != pk[k] {
			inOrder = false
		}
	}
	if inOrder {
		return cols
	}
	byName := map[string]model.Column{}
	for _, i := range at {
		byName[cols[i].Name] = cols[i]
	}
	for k, i := range at {
		cols[i] = byName[pk[k]]
	}
	tg.warn("", "column order: the primary key is (%s), and pk tags list key columns in field order, so those fields are written in key order", strings.Join(pk, ", "))
	return cols
}

// field writes one column's field; ok is false when the column cannot be
// written at all.
func (tg *tableGen) field(names *namer, c model.Column) (jen.Code, bool) {
	if !columnNameOK(c.Name) {
		tg.warn(c.Name, "the column name cannot be written in a db tag (it holds a comma, \"=\", an unbalanced quote or parenthesis, or is \"-\"): the column is not written")
		return nil, false
	}
	kind := kindOf(c.Type)
	opts := []string{c.Name}
	pk := slices.Contains(tg.t.PrimaryKey.Columns, c.Name)
	if pk {
		opts = append(opts, "pk")
		if c.Nullable {
			opts = append(opts, "null") // a key that declares no NOT NULL (SQLite)
		}
	}
	opts = append(opts, tg.numbering(c, pk)...)
	opts = append(opts, tg.typeOption(c)...)
	if c.Sequence != "" && safeValue(c.Sequence) {
		opts = append(opts, "sequence=("+c.Sequence+")")
	}
	if c.Storage != "" && model.IsPlainIdent(c.Storage) {
		opts = append(opts, "storage="+c.Storage)
	}
	if c.Compression != "" && model.IsPlainIdent(c.Compression) {
		opts = append(opts, "compression="+c.Compression)
	}
	nullable := c.Nullable && !pk
	if nullable && kind.isSlice() {
		opts = append(opts, "null")
	}
	value := func(key, v string) {
		if v == "" {
			return
		}
		if !safeValue(v) {
			tg.warn(c.Name, "%s %s cannot be written in a db tag", key, v)
			return
		}
		opts = append(opts, key+"="+v)
	}
	value("default", c.Default)
	if c.OnUpdate != "" {
		if _, isAction := model.ParseReferenceAction(c.OnUpdate); isAction {
			tg.warn(c.Name, "ON UPDATE %s reads as a foreign key action in a db tag", c.OnUpdate)
		} else {
			value("onupdate", c.OnUpdate)
		}
	}
	if c.Generated.Expr != "" {
		value("generated", wrapped(c.Generated.Expr))
		if c.Generated.Stored {
			opts = append(opts, "stored")
		}
	}
	value("charset", c.Charset)
	value("collate", c.Collation)
	if c.Comment != "" {
		opts = append(opts, "comment="+quoteSQL(c.Comment))
	}
	if c.Invisible {
		opts = append(opts, "invisible")
	}
	for _, ck := range tg.t.Checks {
		if tg.columnCheck(ck) && ck.Column == c.Name {
			value("column_check", wrapped(ck.Expr))
		}
	}
	opts = append(opts, tg.conflictOptions(c, pk)...)
	return jen.Id(names.take(exportedName(c.Name, "C"))).Add(kind.code(nullable && !kind.isSlice())).
		Tag(map[string]string{"db": strings.Join(opts, ",")}), true
}

// numbering writes how the database numbers the column: autoincrement,
// identity=always, or noautoincrement on a single integer primary key the
// loader would otherwise number.
func (tg *tableGen) numbering(c model.Column, pk bool) []string {
	switch {
	case c.Identity == model.IdentityAlways:
		if c.AutoIncrement {
			tg.warn(c.Name, "auto-increment next to GENERATED ALWAYS AS IDENTITY; identity=always is written")
		}
		return []string{"identity=always"}
	case c.Identity == model.IdentityByDefault:
		return []string{"identity"}
	case c.Serial:
		return nil // type= writes the serial type
	case c.AutoIncrement:
		return []string{"autoincrement"}
	case pk && len(tg.t.PrimaryKey.Columns) == 1 && isIntegerSQL(c.Type.SQL) && c.Default == "" && c.Generated.Expr == "":
		return []string{"noautoincrement"}
	}
	return nil
}

// typeOption writes the column type: enum=NAME(values) where the column
// uses an enum type (the first column to use it declares its values),
// else type=SQL.
func (tg *tableGen) typeOption(c model.Column) []string {
	t := c.Type
	if t.Enum != "" {
		values, key, ok := tg.g.enumValues(t, tg.t.Schema)
		if ok && validEnumName(key) {
			if tg.g.declared[key] {
				return []string{"enum=" + key}
			}
			quoted := make([]string, len(values))
			for i, v := range values {
				quoted[i] = quoteSQL(v)
			}
			tg.g.declared[key] = true
			spec := "enum=" + key + "(" + strings.Join(quoted, ", ") + ")"
			if cm := tg.g.enumComment(key); cm != "" {
				spec += " comment " + quoteSQL(cm)
			}
			return []string{spec}
		}
		tg.warn(c.Name, "enum type %s (its values are unknown or its name cannot be written); written as type=%s", t.Enum, t.String())
	}
	sql := t.String()
	if c.Serial {
		sql = serialType(sql)
	}
	if !safeValue(sql) {
		tg.warn(c.Name, "type %s cannot be written in a db tag; the Go type decides it", sql)
		return nil
	}
	return []string{"type=" + sql}
}

// validEnumName accepts NAME or schema.NAME.
func validEnumName(name string) bool {
	sch, n, qualified := strings.Cut(name, ".")
	if qualified {
		return model.IsPlainIdent(sch) && model.IsPlainIdent(n)
	}
	return model.IsPlainIdent(name)
}

// isIntegerSQL reports whether an SQL type is an integer type, as the
// loader decides whether a single-column key is numbered by default.
func isIntegerSQL(sql string) bool {
	base, _ := model.SplitType(sql)
	base = strings.TrimSuffix(strings.TrimSuffix(base, " unsigned"), " signed")
	switch base {
	case "int", "integer", "bigint", "smallint", "tinyint", "mediumint",
		"int2", "int4", "int8", "serial", "bigserial", "smallserial":
		return true
	}
	return false
}

// serialType is the serial type a [model.Column.Serial] column of an
// integer type is written with (smallserial, serial, bigserial).
func serialType(sql string) string {
	switch strings.ToLower(sql) {
	case "smallint", "int2":
		return "smallserial"
	case "integer", "int", "int4":
		return "serial"
	}
	return "bigserial"
}
