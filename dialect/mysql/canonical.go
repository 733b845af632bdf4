package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// Canonical returns target as MySQL would reflect it right after creating
// it:
//
//   - column types resolved with [Dialect.TypeSQL] (named enums become
//     inline enum('a','b') types; the schema's Enums are dropped);
//   - primary key columns NOT NULL, the primary key unnamed (MySQL calls
//     every one PRIMARY);
//   - auto-increment columns without a default; ON UPDATE spelled
//     CURRENT_TIMESTAMP[(n)] with the column's precision;
//   - on MariaDB, generated columns nullable;
//   - unique constraints folded into unique indexes of the same name;
//     index methods upper case, BTREE and HASH kept as written on MariaDB
//     (whose SHOW CREATE TABLE prints USING only when it was written) and
//     given as "" on MySQL 8 (where the clause is not read); INCLUDE
//     columns and partial-index predicates dropped (MySQL has neither);
//   - for each foreign key whose columns no index (or the primary key)
//     leads with, the index MySQL creates, named after the constraint;
//   - foreign key RESTRICT given as NO ACTION (the same in InnoDB), and
//     never deferrable;
//   - table options renamed to ENGINE, CHARSET and COLLATE and sorted; a
//     table's options are otherwise left as the model gives them.
//
// Foreign keys are sorted by name; indexes and checks keep the model's
// order (the server lists them in the order they were declared, see
// [Dialect.KeepsDeclarationOrder]), the indexes made of unique constraints
// and the foreign keys' own indexes after the others.
func (d *Dialect) Canonical(target model.Schema) model.Schema {
	out := model.Schema{Tables: make([]model.Table, 0, len(target.Tables))}
	for _, t := range target.Tables {
		out.Tables = append(out.Tables, d.canonicalTable(t, target))
	}
	return out
}

func (d *Dialect) canonicalTable(t model.Table, s model.Schema) model.Table {
	nt := t
	nt.Columns = make([]model.Column, len(t.Columns))
	pk := map[string]bool{}
	for _, c := range t.PrimaryKey.Columns {
		pk[c] = true
	}
	tcs, tco := d.tableCollation(t)
	for i, c := range t.Columns {
		c = d.canonicalColumn(c, t, s, pk[c.Name])
		c.Charset, c.Collation = d.canonicalCollation(c.Charset, c.Collation, tcs, tco)
		nt.Columns[i] = c
	}
	nt.PrimaryKey = model.PrimaryKey{Columns: slices.Clone(t.PrimaryKey.Columns), Comment: t.PrimaryKey.Comment}

	var idx []model.Index
	for _, ix := range t.Indexes {
		ix.Parts = slices.Clone(ix.Parts)
		ix.Include = nil
		ix.Where = ""
		ix.Method = d.canonicalMethod(ix.Method)
		idx = append(idx, ix)
	}
	for _, u := range t.Uniques {
		ix := model.Index{Name: u.Name, Unique: true}
		for _, c := range u.Columns {
			ix.Parts = append(ix.Parts, model.IndexPart{Column: c})
		}
		idx = append(idx, ix)
	}
	nt.Uniques = nil

	var fks []model.ForeignKey
	for _, fk := range t.ForeignKeys {
		fk.Columns = slices.Clone(fk.Columns)
		fk.RefColumns = slices.Clone(fk.RefColumns)
		if fk.OnDelete == model.Restrict {
			fk.OnDelete = model.NoAction
		}
		if fk.OnUpdate == model.Restrict {
			fk.OnUpdate = model.NoAction
		}
		fk.Deferrable, fk.InitiallyDeferred = false, false
		if !leadsIndex(fk.Columns, t.PrimaryKey.Columns, idx) {
			name := fk.Name
			if name == "" && len(fk.Columns) > 0 {
				name = fk.Columns[0]
			}
			ix := model.Index{Name: name}
			for _, c := range fk.Columns {
				ix.Parts = append(ix.Parts, model.IndexPart{Column: c})
			}
			idx = append(idx, ix)
		}
		fks = append(fks, fk)
	}
	slices.SortStableFunc(fks, func(a, b model.ForeignKey) int { return strings.Compare(a.Name, b.Name) })
	nt.Indexes, nt.ForeignKeys = idx, fks

	nt.Checks = slices.Clone(t.Checks)
	for i := range nt.Checks {
		ck := &nt.Checks[i]
		switch {
		case d.Flavor != FlavorMariaDB:
			// MySQL keeps no column-level CHECK apart.
			ck.Column = ""
		case ck.Column != "" && ck.Name == "":
			ck.Name = ck.Column
		}
	}
	nt.Options = ImpliedOptions(CanonicalOptions(t.Options))
	return nt
}

func (d *Dialect) canonicalColumn(c model.Column, t model.Table, s model.Schema, inPK bool) model.Column {
	typ := c.Type
	if typ.SQL == "" && typ.Enum != "" && len(typ.EnumValues) == 0 {
		schema, name := t.Schema, typ.Enum
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			schema, name = name[:i], name[i+1:]
		}
		if e, ok := s.Enum(schema, name); ok {
			typ.EnumValues = e.Values
		} else if e, ok := s.Enum("", name); ok {
			typ.EnumValues = e.Values
		}
	}
	c.Type = model.Type{SQL: d.TypeSQL(typ)}
	if inPK {
		c.Nullable = false
	}
	if c.AutoIncrement {
		c.Default = ""
	}
	if c.OnUpdate != "" {
		if ts, ok := NormalizeTimestampExpr(c.OnUpdate); ok {
			c.OnUpdate = d.withPrecision(ts, c.Type)
		}
	}
	if c.Generated.Expr != "" && d.Flavor == FlavorMariaDB {
		c.Nullable = true
	}
	c.Identity = model.IdentityNone
	return c
}

// leadsIndex reports whether cols are the leading columns of the primary
// key or of an index (whole-column parts only), in order.
func leadsIndex(cols, pk []string, idx []model.Index) bool {
	if len(cols) == 0 {
		return true
	}
	if len(pk) >= len(cols) && slices.Equal(pk[:len(cols)], cols) {
		return true
	}
	for _, ix := range idx {
		if len(ix.Parts) < len(cols) || ix.Method == "FULLTEXT" || ix.Method == "SPATIAL" {
			continue
		}
		ok := true
		for i, c := range cols {
			if ix.Parts[i].Column != c || ix.Parts[i].Length != 0 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// tableCollation is the table's character set and collation as the model
// gives them (CHARSET and COLLATE; either implies the other), else the
// database's ([Dialect.DatabaseCollation]), else utf8mb4 with its default
// collation.
func (d *Dialect) tableCollation(t model.Table) (cs, co string) {
	tt := model.Table{Options: CanonicalOptions(t.Options)}
	cs, _ = tt.Option(OptionCharset)
	co, _ = tt.Option(OptionCollate)
	if cs == "" && co == "" && d.DatabaseCollation != "" {
		co = strings.ToLower(d.DatabaseCollation)
	}
	if cs == "" && co != "" {
		cs, _, _ = strings.Cut(co, "_")
	}
	if cs == "" {
		cs = "utf8mb4"
	}
	if co == "" {
		co = d.defaultCollation(cs)
	}
	return cs, co
}

// defaultCollations are the default collations of common character sets.
var defaultCollations = map[string]string{
	"latin1": "latin1_swedish_ci", "latin2": "latin2_general_ci", "ascii": "ascii_general_ci", "binary": "binary",
	"utf8mb3": "utf8mb3_general_ci", "ucs2": "ucs2_general_ci", "utf16": "utf16_general_ci", "utf16le": "utf16le_general_ci",
	"utf32": "utf32_general_ci", "cp1250": "cp1250_general_ci", "cp1251": "cp1251_general_ci", "cp1256": "cp1256_general_ci",
	"cp1257": "cp1257_general_ci", "greek": "greek_general_ci", "hebrew": "hebrew_general_ci", "sjis": "sjis_japanese_ci",
	"ujis": "ujis_japanese_ci", "cp932": "cp932_japanese_ci", "euckr": "euckr_korean_ci", "gbk": "gbk_chinese_ci",
	"gb2312": "gb2312_chinese_ci", "big5": "big5_chinese_ci", "koi8r": "koi8r_general_ci", "koi8u": "koi8u_general_ci",
}

// defaultCollation returns the default collation of a character set on
// this flavour: utf8mb4 defaults to utf8mb4_0900_ai_ci on MySQL 8 and to
// utf8mb4_general_ci on MariaDB.
func (d *Dialect) defaultCollation(cs string) string {
	if cs == "utf8mb4" {
		if d.Flavor == FlavorMariaDB {
			return "utf8mb4_general_ci"
		}
		return "utf8mb4_0900_ai_ci"
	}
	return defaultCollations[cs]
}

// canonicalCollation reports a column's charset and collation as the
// catalog reader does: the charset only when it differs from the table's,
// the collation only when it differs from what the charset implies. The
// table's charset is what the model's options say, else utf8mb4. "utf8" is
// utf8mb3, as MariaDB 10.6+ and MySQL 8.0.30+ report it.
func (d *Dialect) canonicalCollation(cs, co, tableCS, tableCO string) (string, string) {
	cs, co = strings.ToLower(strings.TrimSpace(cs)), strings.ToLower(strings.TrimSpace(co))
	if cs == "" && co == "" {
		return "", ""
	}
	if d.utf8IsMB3() {
		if cs == "utf8" {
			cs = "utf8mb3"
		}
		if strings.HasPrefix(co, "utf8_") {
			co = "utf8mb3_" + strings.TrimPrefix(co, "utf8_")
		}
		if tableCS == "utf8" {
			tableCS = "utf8mb3"
		}
	}
	if cs == "" {
		cs, _, _ = strings.Cut(co, "_")
	}
	if cs == tableCS {
		if co == tableCO {
			co = ""
		}
		return "", co
	}
	if co == d.defaultCollation(cs) {
		co = ""
	}
	return cs, co
}

// utf8IsMB3 reports whether the server calls utf8 utf8mb3 (MariaDB 10.6+,
// MySQL 8.0.30+; assumed when the version is unknown).
func (d *Dialect) utf8IsMB3() bool {
	if d.Version == (Version{}) {
		return true
	}
	if d.Flavor == FlavorMariaDB {
		return !d.Version.Less(10, 6)
	}
	return !d.Version.Less(8, 0) && !(d.Version.Major == 8 && d.Version.Minor == 0 && d.Version.Patch < 30)
}

// canonicalMethod is an index method in upper case. On MariaDB a USING
// BTREE or USING HASH is kept as written (SHOW CREATE TABLE prints it
// only when it was written, whatever algorithm the engine uses); on
// MySQL 8, where the clause is not read, it is dropped.
func (d *Dialect) canonicalMethod(m string) string {
	switch u := strings.ToUpper(strings.TrimSpace(m)); u {
	case "BTREE", "HASH":
		if d.Flavor == FlavorMariaDB {
			return u
		}
		return ""
	default:
		return u
	}
}

// Table option names.
const (
	OptionEngine  = "ENGINE"
	OptionCharset = "CHARSET"
	OptionCollate = "COLLATE"
)

var engineNames = map[string]string{
	"innodb": "InnoDB", "myisam": "MyISAM", "memory": "MEMORY", "aria": "Aria", "csv": "CSV",
	"archive": "ARCHIVE", "blackhole": "BLACKHOLE", "merge": "MRG_MyISAM", "mrg_myisam": "MRG_MyISAM",
	"rocksdb": "ROCKSDB", "federated": "FEDERATED",
}

// CanonicalOptions renames table options to their canonical names
// (DEFAULT CHARSET, CHARACTER SET → CHARSET; COLLATION → COLLATE; upper
// case otherwise), spells engine names as the catalog does (innodb →
// InnoDB), lower-cases charsets and collations, and sorts them by name.
func CanonicalOptions(opts []model.TableOption) []model.TableOption {
	if len(opts) == 0 {
		return nil
	}
	out := make([]model.TableOption, 0, len(opts))
	for _, o := range opts {
		name := strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(o.Name, "_", " ")), " "))
		name = strings.TrimPrefix(name, "DEFAULT ")
		switch name {
		case "CHARACTER SET", "CHARSET":
			name = OptionCharset
		case "COLLATE", "COLLATION":
			name = OptionCollate
		default:
			name = strings.ReplaceAll(name, " ", "_")
		}
		v := strings.TrimSpace(o.Value)
		switch name {
		case OptionEngine:
			if e, ok := engineNames[strings.ToLower(v)]; ok {
				v = e
			}
		case OptionCharset, OptionCollate:
			v = strings.ToLower(v)
		}
		out = append(out, model.TableOption{Name: name, Value: v})
	}
	slices.SortStableFunc(out, func(a, b model.TableOption) int { return strings.Compare(a.Name, b.Name) })
	return out
}
