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
//     CURRENT_TIMESTAMP[(n)];
//   - on MariaDB, generated columns nullable;
//   - unique constraints folded into unique indexes of the same name;
//     index method BTREE (or HASH, which InnoDB ignores) given as "", other
//     methods upper case; INCLUDE columns and partial-index predicates
//     dropped (MySQL has neither);
//   - for each foreign key whose columns no index (or the primary key)
//     leads with, the index MySQL creates, named after the constraint;
//   - foreign key RESTRICT given as NO ACTION (the same in InnoDB), and
//     never deferrable;
//   - table options renamed to ENGINE, CHARSET and COLLATE and sorted; a
//     table's options are otherwise left as the model gives them.
//
// Indexes, foreign keys and checks are sorted by name.
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
	for i, c := range t.Columns {
		nt.Columns[i] = d.canonicalColumn(c, t, s, pk[c.Name])
	}
	nt.PrimaryKey = model.PrimaryKey{Columns: slices.Clone(t.PrimaryKey.Columns)}

	var idx []model.Index
	for _, ix := range t.Indexes {
		ix.Parts = slices.Clone(ix.Parts)
		ix.Include = nil
		ix.Where = ""
		ix.Method = canonicalMethod(ix.Method)
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
	slices.SortStableFunc(idx, func(a, b model.Index) int { return strings.Compare(a.Name, b.Name) })
	slices.SortStableFunc(fks, func(a, b model.ForeignKey) int { return strings.Compare(a.Name, b.Name) })
	nt.Indexes, nt.ForeignKeys = idx, fks

	nt.Checks = slices.Clone(t.Checks)
	slices.SortStableFunc(nt.Checks, func(a, b model.Check) int { return strings.Compare(a.Name, b.Name) })
	nt.Options = CanonicalOptions(t.Options)
	return nt
}

func (d *Dialect) canonicalColumn(c model.Column, t model.Table, s model.Schema, inPK bool) model.Column {
	typ := c.Type
	if typ.SQL == "" && typ.Enum != "" && len(typ.EnumValues) == 0 {
		schema := typ.Enum
		name := typ.Enum
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			schema, name = name[:i], name[i+1:]
		} else {
			schema = t.Schema
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
			c.OnUpdate = ts
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

func canonicalMethod(m string) string {
	switch u := strings.ToUpper(strings.TrimSpace(m)); u {
	case "", "BTREE", "HASH":
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
