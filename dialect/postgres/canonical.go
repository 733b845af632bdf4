package postgres

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/seqopt"
	"github.com/retortdb/retort/model"
)

// maxIdent is PostgreSQL's identifier length limit in bytes (NAMEDATALEN-1).
const maxIdent = 63

// Canonical returns target as PostgreSQL reflects it right after creating it:
//
//   - column types resolved with TypeSQL and spelled as format_type spells
//     them; an enum column's Type is {SQL: name, Enum: name};
//   - an auto-increment column (AutoIncrement, a serial type, Serial, or
//     Identity=IdentityByDefault) becomes AutoIncrement=true, NOT NULL, no
//     default; a serial type sets Serial; Identity=IdentityByDefault is
//     kept (a reflected identity BY DEFAULT column has it), and
//     AutoIncrement alone leaves the mechanism open ([model.Column.Serial]);
//     GENERATED ALWAYS AS IDENTITY stays Identity=IdentityAlways with
//     AutoIncrement=false; Sequence is rewritten in its canonical text;
//   - a unique constraint on exactly the primary key's columns is dropped,
//     as CREATE TABLE drops it (GORM writes one for a key tagged unique);
//   - primary-key columns are NOT NULL; generated columns are STORED and
//     have no default; Charset and OnUpdate (MySQL's) are dropped, as are
//     table options;
//   - unnamed primary keys, unique constraints, foreign keys and indexes get
//     the names PostgreSQL would choose (t_pkey, t_a_b_key, t_a_fkey,
//     t_a_idx); an index method "" becomes "btree"; a foreign key without
//     referenced columns references the primary key; INITIALLY DEFERRED
//     implies DEFERRABLE;
//   - names longer than 63 bytes are cut to 63, as the server cuts every
//     identifier (at a character boundary);
//   - empty lists are nil.
//
// Defaults and expressions are kept as written: compare them through
// NormalizeDefault and NormalizeExpr.
func (d *Dialect) Canonical(target model.Schema) model.Schema {
	out := model.Schema{Extensions: slices.Clone(target.Extensions), AllExtensions: target.AllExtensions}
	for _, e := range target.Enums {
		e.Values = slices.Clone(e.Values)
		out.Enums = append(out.Enums, e)
	}
	for _, t := range target.Tables {
		out.Tables = append(out.Tables, d.canonicalTable(target, t))
	}
	return out
}

func (d *Dialect) canonicalTable(target model.Schema, t model.Table) model.Table {
	c := model.Table{Schema: t.Schema, Name: t.Name, Comment: t.Comment, Options: tableOptions(t.Options)}
	inPK := map[string]bool{}
	for _, col := range t.PrimaryKey.Columns {
		inPK[col] = true
	}
	for _, col := range t.Columns {
		c.Columns = append(c.Columns, d.canonicalColumn(target, col, inPK[col.Name]))
	}
	if len(t.PrimaryKey.Columns) > 0 {
		c.PrimaryKey = model.PrimaryKey{Name: clipIdent(t.PrimaryKey.Name), Columns: slices.Clone(t.PrimaryKey.Columns),
			Deferrable: t.PrimaryKey.Deferrable || t.PrimaryKey.InitiallyDeferred, InitiallyDeferred: t.PrimaryKey.InitiallyDeferred,
			Comment: t.PrimaryKey.Comment}
		if c.PrimaryKey.Name == "" {
			c.PrimaryKey.Name = objectName(t.Name, "", "pkey")
		}
	}
	for _, ix := range t.Indexes {
		n := model.Index{Name: clipIdent(ix.Name), Unique: ix.Unique, Where: ix.Where, Method: strings.ToLower(ix.Method),
			NullsNotDistinct: ix.NullsNotDistinct && ix.Unique, StorageParams: storageParams(ix.StorageParams), Comment: ix.Comment}
		n.Parts = slices.Clone(ix.Parts)
		if len(ix.Include) > 0 {
			n.Include = slices.Clone(ix.Include)
		}
		if n.Method == "" {
			n.Method = "btree"
		}
		for i := range n.Parts {
			p := &n.Parts[i]
			p.Length = 0
			if strings.EqualFold(p.Collation, "default") {
				p.Collation = ""
			}
			if (p.Nulls == model.NullsFirst) == p.Desc && p.Nulls != model.NullsDefault {
				// NULLS FIRST is DESC's default, NULLS LAST ASC's.
				p.Nulls = model.NullsDefault
			}
		}
		if n.Name == "" {
			n.Name = objectName(t.Name, strings.Join(indexColumnNames(n.Parts), "_"), "idx")
		}
		c.Indexes = append(c.Indexes, n)
	}
	for _, u := range t.Uniques {
		if len(u.Columns) > 0 && slices.Equal(u.Columns, t.PrimaryKey.Columns) {
			// CREATE TABLE drops a UNIQUE on the primary key's columns
			// as redundant, silently: it never exists to compare.
			continue
		}
		n := model.Unique{Name: clipIdent(u.Name), Columns: slices.Clone(u.Columns), NullsNotDistinct: u.NullsNotDistinct,
			Deferrable: u.Deferrable || u.InitiallyDeferred, InitiallyDeferred: u.InitiallyDeferred, Comment: u.Comment}
		if n.Name == "" {
			n.Name = objectName(t.Name, strings.Join(u.Columns, "_"), "key")
		}
		c.Uniques = append(c.Uniques, n)
	}
	for _, fk := range t.ForeignKeys {
		n := fk
		n.Name = clipIdent(fk.Name)
		n.Columns = slices.Clone(fk.Columns)
		n.RefColumns = slices.Clone(fk.RefColumns)
		if len(n.RefColumns) == 0 {
			if rt, ok := target.Table(fk.RefSchema, fk.RefTable); ok {
				n.RefColumns = slices.Clone(rt.PrimaryKey.Columns)
			}
		}
		if n.InitiallyDeferred {
			n.Deferrable = true
		}
		n.OnDelete, n.OnUpdate = fk.OnDelete.Rule(), fk.OnUpdate.Rule() // pg_constraint keeps 'a' either way
		if n.Name == "" {
			n.Name = objectName(t.Name, strings.Join(fk.Columns, "_"), "fkey")
		}
		c.ForeignKeys = append(c.ForeignKeys, n)
	}
	for _, ck := range t.Checks {
		ck.Name = clipIdent(ck.Name)
		ck.Column = "" // pg_constraint keeps no column-level CHECK apart
		c.Checks = append(c.Checks, ck)
	}
	for _, x := range t.Excludes {
		x.Name = clipIdent(x.Name)
		c.Excludes = append(c.Excludes, x)
	}
	return c
}

func (d *Dialect) canonicalColumn(target model.Schema, col model.Column, inPK bool) model.Column {
	n := model.Column{
		Name:          col.Name,
		Nullable:      col.Nullable && !inPK,
		Default:       col.Default,
		AutoIncrement: col.AutoIncrement,
		Identity:      col.Identity,
		Generated:     col.Generated,
		Comment:       col.Comment,
		Collation:     col.Collation,
		RenamedFrom:   col.RenamedFrom,
		Serial:        col.Serial,
		Storage:       strings.ToLower(col.Storage),
		Compression:   strings.ToLower(col.Compression),
	}
	if strings.EqualFold(n.Collation, "default") {
		n.Collation = ""
	}
	sql := d.TypeSQL(col.Type)
	if isSerial(sql) {
		n.AutoIncrement, n.Serial = true, true
	}
	n.Type = model.Type{SQL: normalizeType(sql)}
	if seq, err := seqopt.Canonical(col.Sequence, seqopt.Bits(n.Type.SQL)); err == nil {
		n.Sequence = seq
	} else {
		// Kept as written: Statements refuses it with the parse error.
		n.Sequence = col.Sequence
	}
	if col.Type.Enum != "" && !strings.HasSuffix(n.Type.SQL, "[]") {
		n.Type.Enum = n.Type.SQL
	} else if e, ok := enumOf(target, n.Type.SQL); ok {
		n.Type.Enum = e
	}
	switch n.Identity {
	case model.IdentityByDefault:
		n.AutoIncrement, n.Serial = true, false
	case model.IdentityAlways:
		n.AutoIncrement, n.Serial = false, false
	}
	if n.Serial {
		n.AutoIncrement = true
	}
	if n.AutoIncrement || n.Identity != model.IdentityNone {
		n.Nullable = false
		n.Default = ""
	}
	if n.Generated.Expr != "" {
		n.Generated.Stored = true
		n.Default = ""
	}
	return n
}

// clipIdent cuts a name to 63 bytes, at the start of a character, as
// PostgreSQL truncates identifiers.
func clipIdent(name string) string {
	if len(name) <= maxIdent {
		return name
	}
	cut := maxIdent
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut]
}

// isSerial reports whether a type is one of the serial pseudo-types.
func isSerial(sql string) bool {
	switch strings.ToLower(strings.TrimSpace(sql)) {
	case "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2":
		return true
	}
	return false
}

// enumOf reports whether typ (normalised) names an enum type of target.
func enumOf(target model.Schema, typ string) (string, bool) {
	for _, e := range target.Enums {
		name := enumTypeName(e.Name)
		if e.Schema != "" {
			name = qualify(e.Schema, e.Name)
		}
		if normalizeType(name) == typ {
			return typ, true
		}
	}
	return "", false
}

func indexColumnNames(parts []model.IndexPart) []string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.Column
		if p.Column == "" {
			names[i] = figureColname(p.Expr)
		}
	}
	return names
}

// objectName builds a name as PostgreSQL's makeObjectName does: name1,
// name2 and label joined with "_", name1 and name2 shortened (the longer
// first) to fit 63 bytes.
func objectName(name1, name2, label string) string {
	overhead := len(label) + 1
	if name2 != "" {
		overhead++
	}
	l1, l2 := len(name1), len(name2)
	for l1+l2+overhead > maxIdent {
		if l1 > l2 {
			l1--
		} else {
			l2--
		}
	}
	s := name1[:l1]
	if name2 != "" {
		s += "_" + name2[:l2]
	}
	return s + "_" + label
}

// figureColname names an index expression as PostgreSQL's FigureColname
// does for the common cases: a function call by the function's name, a cast
// by its operand's name, anything else "expr".
func figureColname(expr string) string {
	toks := tokenize(expr)
	for len(toks) > 2 && toks[0].text == "(" && matchClose(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	if len(toks) > 1 && toks[0].kind == tWord && binaryPrec(toks[0]) < 0 {
		switch toks[1].text {
		case "(":
			if matchClose(toks, 1) == len(toks)-1 {
				return toks[0].text
			}
		case "::":
			return toks[0].text
		}
	}
	return "expr"
}

// storageParams writes index storage parameters as the catalog keeps
// them: "name=value" pairs, names lower-cased, joined by ", ".
func storageParams(p string) string {
	if strings.TrimSpace(p) == "" {
		return ""
	}
	parts := strings.Split(p, ",")
	for i, kv := range parts {
		k, v, _ := strings.Cut(kv, "=")
		parts[i] = strings.ToLower(strings.TrimSpace(k)) + "=" + strings.TrimSpace(v)
	}
	return strings.Join(parts, ", ")
}

// tableOptions keeps the table options PostgreSQL has, each spelled as the
// catalog reader spells it and always present (an empty value is unset):
// UNLOGGED ("true" or "") and WITH (storage parameters, "(name=value,
// ...)" or""), then FORCE_ROW_SECURITY, REPLICA_IDENTITY and ROW_SECURITY
// (tableflags.go). Other dialects' options (ENGINE, CHARSET) are dropped.
func tableOptions(opts []model.TableOption) []model.TableOption {
	unlogged, with := "", ""
	for _, o := range opts {
		switch strings.ToUpper(o.Name) {
		case "UNLOGGED":
			if v := strings.ToLower(strings.TrimSpace(o.Value)); v == "true" || v == "on" || v == "yes" || v == "1" {
				unlogged = "true"
			}
		case "WITH":
			v := strings.TrimSpace(o.Value)
			if strings.HasPrefix(v, "(") && strings.HasSuffix(v, ")") {
				v = v[1 : len(v)-1]
			}
			if v = storageParams(v); v != "" {
				with = "(" + v + ")"
			}
		}
	}
	return append([]model.TableOption{{Name: "UNLOGGED", Value: unlogged}, {Name: "WITH", Value: with}}, canonicalTableFlags(opts)...)
}
