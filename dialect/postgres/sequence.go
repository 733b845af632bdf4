package postgres

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/seqopt"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// The sequences behind identity and serial columns ([model.Column.Serial],
// [model.Column.Sequence]). Sequence options reach SQL only as
// [seqopt.Format] writes them back from parsed numbers, never as the model
// spelled them.

// seqOptions parses a column's sequence options for its type.
func (d *Dialect) seqOptions(c model.Column) (seqopt.Options, error) {
	bits := seqopt.Bits(normalizeType(d.TypeSQL(c.Type)))
	o, err := seqopt.Parse(c.Sequence, bits)
	if err != nil {
		return o, fmt.Errorf("postgres: column %s: sequence options: %w (write them as START WITH n INCREMENT BY n MINVALUE n MAXVALUE n CACHE n CYCLE)", c.Name, err)
	}
	return o, nil
}

// checkSequence refuses sequence options that do not parse.
func (d *Dialect) checkSequence(cols ...model.Column) error {
	for _, c := range cols {
		if c.Sequence == "" {
			continue
		}
		if _, err := d.seqOptions(c); err != nil {
			return err
		}
	}
	return nil
}

// identityOptions is " (options)" for GENERATED ... AS IDENTITY, or "".
func (d *Dialect) identityOptions(c model.Column) string {
	if c.Sequence == "" {
		return ""
	}
	o, err := d.seqOptions(c)
	if err != nil {
		return ""
	}
	o.As = ""
	text := seqopt.Format(o, seqopt.Bits(normalizeType(d.TypeSQL(c.Type))))
	if text == "" {
		return ""
	}
	return " (" + text + ")"
}

// resolvedOptions writes every option of c's sequence, defaults included,
// as ALTER SEQUENCE takes them (prefix before each: "SET " for ALTER
// COLUMN, "" for ALTER SEQUENCE); withAs adds the AS clause.
func (d *Dialect) resolvedOptions(c model.Column, prefix string, withAs bool) string {
	o, err := d.seqOptions(c)
	if err != nil {
		return ""
	}
	var parts []string
	if withAs {
		as := o.As
		if as == "" {
			as = serialBase(normalizeType(d.TypeSQL(c.Type)))
		}
		parts = append(parts, "AS "+as)
	}
	parts = append(parts,
		prefix+"INCREMENT BY "+strconv.FormatInt(o.Increment, 10),
		prefix+"MINVALUE "+strconv.FormatInt(o.Min, 10),
		prefix+"MAXVALUE "+strconv.FormatInt(o.Max, 10),
		prefix+"START WITH "+strconv.FormatInt(o.Start, 10),
		prefix+"CACHE "+strconv.FormatInt(o.Cache, 10))
	if o.Cycle {
		parts = append(parts, prefix+"CYCLE")
	} else {
		parts = append(parts, prefix+"NO CYCLE")
	}
	return strings.Join(parts, " ")
}

// serialBase is the integer type a serial column's sequence has.
func serialBase(typ string) string {
	switch seqopt.Bits(typ) {
	case 16:
		return "smallint"
	case 32:
		return "integer"
	}
	return "bigint"
}

// serialType is the serial pseudo-type for an integer type.
func serialType(typ string) string {
	switch seqopt.Bits(normalizeType(typ)) {
	case 16:
		return "smallserial"
	case 32:
		return "serial"
	}
	return "bigserial"
}

// serialSequence is an expression for the sequence a column owns.
func serialSequence(schema, table, col string) string {
	return "pg_catalog.pg_get_serial_sequence(" + quoteString(qualify(schema, table)) + ", " + quoteString(col) + ")"
}

// onSerialSequence runs "verb <the column's owned sequence> rest" as
// dynamic SQL: the sequence's name is the server's to know (a serial may
// have been made under any name), so it is looked up when the statement
// runs. rest holds only keywords and numbers.
func onSerialSequence(schema, table, col, verb, rest string) string {
	body := "EXECUTE " + quoteString(verb+" ") + " || " + serialSequence(schema, table, col)
	if rest != "" {
		body += " || " + quoteString(" "+rest)
	}
	body += ";"
	tag := "$retort$"
	for i := 0; strings.Contains(body, tag); i++ {
		tag = "$retort" + strconv.Itoa(i) + "$"
	}
	return "DO " + tag + " BEGIN " + body + " END " + tag
}

// addSerial makes col (with no numbering) a serial column: a sequence of
// the column's type owned by it, the nextval default, and numbering that
// starts after the rows already there.
func (d *Dialect) addSerial(schema, table string, col model.Column) []string {
	seq := objectName(table, col.Name, "seq")
	q := qualify(schema, seq)
	opts := d.resolvedOptions(col, "", true)
	return []string{
		"CREATE SEQUENCE " + q + " " + opts + " OWNED BY " + qualify(schema, table) + "." + quoteIdent(col.Name),
		alterTable(schema, table) + " ALTER COLUMN " + quoteIdent(col.Name) + " SET DEFAULT nextval(" + quoteString(q) + "::regclass)",
		"SELECT setval(" + quoteString(q) + ", max(" + quoteIdent(col.Name) + ")) FROM " + qualify(schema, table) +
			" HAVING max(" + quoteIdent(col.Name) + ") IS NOT NULL",
	}
}

// clampSequence moves the column's sequence into the range of c's options
// before they are set: PostgreSQL refuses a MINVALUE above (or MAXVALUE
// below) the sequence's current value. Nothing is emitted when the
// options do not parse.
func (d *Dialect) clampSequence(schema, table string, c model.Column) []string {
	o, err := d.seqOptions(c)
	if err != nil {
		return nil
	}
	lo, hi := strconv.FormatInt(o.Min, 10), strconv.FormatInt(o.Max, 10)
	// The value the sequence holds: the last one given, else its start.
	cur := "COALESCE(pg_catalog.pg_sequence_last_value(s.seq), (SELECT seqstart FROM pg_catalog.pg_sequence WHERE seqrelid = s.seq))"
	return []string{"SELECT setval(s.seq, GREATEST(" + lo + ", LEAST(" + hi + ", " + cur + ")), " +
		"pg_catalog.pg_sequence_last_value(s.seq) IS NOT NULL) FROM (SELECT " + serialSequence(schema, table, c.Name) +
		"::regclass) s(seq) WHERE " + cur + " NOT BETWEEN " + lo + " AND " + hi}
}

// widenedRange is the union of the from and to sequences' ranges when
// they are disjoint (an ascending sequence made descending): the sequence
// is first widened to it, so that clampSequence's setval into the new
// range is accepted before the new bounds are set. ok is false when the
// ranges overlap (the clamp alone suffices) or the options do not parse.
func (d *Dialect) widenedRange(from, to model.Column) (lo, hi string, ok bool) {
	a, err := d.seqOptions(from)
	if err != nil {
		return "", "", false
	}
	b, err := d.seqOptions(to)
	if err != nil || (b.Min <= a.Max && b.Max >= a.Min) {
		return "", "", false
	}
	return strconv.FormatInt(min(a.Min, b.Min), 10), strconv.FormatInt(max(a.Max, b.Max), 10), true
}

// opclassName matches an operator class as the catalog reader writes it:
// a name, or a schema-qualified one, each plain or double-quoted.
var opclassName = regexp.MustCompile(`^(?:[A-Za-z_][A-Za-z0-9_$]*|"[^"]+")(?:\.(?:[A-Za-z_][A-Za-z0-9_$]*|"[^"]+"))?$`)

// storageParam matches one "name=value" storage parameter.
var storageParam = regexp.MustCompile(`^[a-z_][a-z0-9_.]*=[A-Za-z0-9_.+-]+$`)

// checkIndex refuses index attributes that would reach SQL as something
// other than a name or a parameter list.
func checkIndex(ix model.Index) error {
	for _, p := range ix.Parts {
		if p.Opclass != "" && !opclassName.MatchString(p.Opclass) {
			return fmt.Errorf("operator class %q is refused: write a name such as text_pattern_ops or jsonb_path_ops", p.Opclass)
		}
		if p.Collation != "" && !collationOK(p.Collation) {
			return fmt.Errorf("collation %q is refused: write a collation name such as C or \"de-DE-x-icu\"", p.Collation)
		}
	}
	if ix.StorageParams != "" {
		for _, kv := range strings.Split(ix.StorageParams, ", ") {
			if !storageParam.MatchString(kv) {
				return fmt.Errorf("storage parameter %q is refused: write name=value pairs such as fillfactor=70", kv)
			}
		}
	}
	return nil
}

// storageReset sets a column's storage strategy back to its type's: PostgreSQL
// 15 has no SET STORAGE DEFAULT, so the type's strategy is looked up when
// the statement runs.
func storageReset(schema, table, col string) string {
	body := "EXECUTE " + quoteString(alterTable(schema, table)+" ALTER COLUMN "+quoteIdent(col)+" SET STORAGE ") +
		" || (SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END" +
		" FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid" +
		" WHERE a.attrelid = " + quoteString(qualify(schema, table)) + "::regclass AND a.attname = " + quoteString(col) + ");"
	tag := "$retort$"
	for i := 0; strings.Contains(body, tag); i++ {
		tag = "$retort" + strconv.Itoa(i) + "$"
	}
	return "DO " + tag + " BEGIN " + body + " END " + tag
}

// checkStorage refuses storage strategies and compression methods
// PostgreSQL does not name.
func checkStorage(op ops.Op) error {
	var cols []model.Column
	switch o := op.(type) {
	case ops.CreateTable:
		cols = o.Table.Columns
	case ops.AddColumn:
		cols = []model.Column{o.Column}
	case ops.AlterColumn:
		cols = []model.Column{o.To}
	}
	for _, c := range cols {
		switch strings.ToLower(c.Storage) {
		case "", "plain", "external", "extended", "main":
		default:
			return fmt.Errorf("postgres: column %s: storage %q is refused: want plain, external, extended or main", c.Name, c.Storage)
		}
		switch strings.ToLower(c.Compression) {
		case "", "pglz", "lz4":
		default:
			return fmt.Errorf("postgres: column %s: compression %q is refused: want pglz or lz4", c.Name, c.Compression)
		}
	}
	return nil
}

// withParams checks a WITH table option, "(name=value, ...)", and returns
// its parameters as SQL.
func withParams(v string) (string, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "(") && strings.HasSuffix(v, ")") {
		v = v[1 : len(v)-1]
	}
	v = storageParams(v)
	if v == "" {
		return "", nil
	}
	for _, kv := range strings.Split(v, ", ") {
		if !storageParam.MatchString(kv) {
			return "", fmt.Errorf("postgres: table option WITH: storage parameter %q is refused: write name=value pairs such as fillfactor=70", kv)
		}
	}
	return v, nil
}

// setTableOptions changes UNLOGGED, WITH, REPLICA_IDENTITY, ROW_SECURITY
// and FORCE_ROW_SECURITY; other options give nothing.
func setTableOptions(o ops.SetTableOptions) ([]string, error) {
	at := alterTable(o.Schema, o.Table)
	var sqls []string
	for _, to := range o.To {
		if s, ok := tableFlagSQL(at, to.Name, to.Value); ok {
			sqls = append(sqls, s)
			continue
		}
		switch strings.ToUpper(to.Name) {
		case "UNLOGGED":
			if strings.EqualFold(strings.TrimSpace(to.Value), "true") {
				sqls = append(sqls, at+" SET UNLOGGED")
			} else {
				sqls = append(sqls, at+" SET LOGGED")
			}
		case "WITH":
			for _, from := range o.From {
				if !strings.EqualFold(from.Name, "WITH") {
					continue
				}
				old, err := withParams(from.Value)
				if err != nil {
					return nil, err
				}
				if old == "" {
					continue
				}
				var names []string
				for _, kv := range strings.Split(old, ", ") {
					k, _, _ := strings.Cut(kv, "=")
					names = append(names, k)
				}
				sqls = append(sqls, at+" RESET ("+strings.Join(names, ", ")+")")
			}
			p, err := withParams(to.Value)
			if err != nil {
				return nil, err
			}
			if p != "" {
				sqls = append(sqls, at+" SET ("+p+")")
			}
		}
	}
	return sqls, nil
}
