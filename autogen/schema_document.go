package autogen

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/model"
)

// SchemaDocumentVersion is the version of the [SchemaDocument] `retort
// inspect --format json` prints; like [DocumentVersion], it changes only
// when a field is removed or changes meaning.
const SchemaDocumentVersion = 1

// The JSON document of `retort inspect --format json`, in the conventions
// of the check document: snake_case keys, a version, every field present,
// arrays never null, "" and false for what is absent. README.md documents
// every field.
type (
	// SchemaDocument is a reflected schema.
	SchemaDocument struct {
		Version int        `json:"version"`
		Dialect string     `json:"dialect"`
		Tables  []TableDoc `json:"tables"`
		Enums   []EnumDoc  `json:"enums"`
		// NotCompared names the objects retort does not model (views,
		// triggers, ...): they are in the database but in no table here.
		NotCompared []ObjectDoc `json:"not_compared"`
	}
	// TableDoc is one table; objects are in catalog order, tables sorted
	// by schema and name.
	TableDoc struct {
		Schema      string          `json:"schema"`
		Name        string          `json:"name"`
		Comment     string          `json:"comment"`
		Columns     []ColumnDoc     `json:"columns"`
		PrimaryKey  KeyDoc          `json:"primary_key"`
		Indexes     []IndexDoc      `json:"indexes"`
		Uniques     []KeyDoc        `json:"uniques"`
		ForeignKeys []ForeignKeyDoc `json:"foreign_keys"`
		Checks      []CheckDoc      `json:"checks"`
		Options     []OptionDoc     `json:"options"`
	}
	// ColumnDoc is one column.
	ColumnDoc struct {
		Name          string `json:"name"`
		Type          string `json:"type"`
		Nullable      bool   `json:"nullable"`
		Default       string `json:"default"`
		AutoIncrement bool   `json:"auto_increment"`
		Identity      string `json:"identity"`
		Generated     string `json:"generated"`
		Stored        bool   `json:"stored"`
		Comment       string `json:"comment"`
		Charset       string `json:"charset"`
		Collation     string `json:"collation"`
		OnUpdate      string `json:"on_update"`
	}
	// KeyDoc is a primary key or a unique constraint; a table without a
	// primary key has one with no columns.
	KeyDoc struct {
		Name    string   `json:"name"`
		Columns []string `json:"columns"`
	}
	// IndexDoc is one index.
	IndexDoc struct {
		Name    string         `json:"name"`
		Unique  bool           `json:"unique"`
		Parts   []IndexPartDoc `json:"parts"`
		Where   string         `json:"where"`
		Method  string         `json:"method"`
		Include []string       `json:"include"`
	}
	// IndexPartDoc is a column or an expression of an index.
	IndexPartDoc struct {
		Column string `json:"column"`
		Expr   string `json:"expr"`
		Desc   bool   `json:"desc"`
		Length int    `json:"length"`
	}
	// ForeignKeyDoc is one foreign key.
	ForeignKeyDoc struct {
		Name              string   `json:"name"`
		Columns           []string `json:"columns"`
		RefSchema         string   `json:"ref_schema"`
		RefTable          string   `json:"ref_table"`
		RefColumns        []string `json:"ref_columns"`
		OnDelete          string   `json:"on_delete"`
		OnUpdate          string   `json:"on_update"`
		Deferrable        bool     `json:"deferrable"`
		InitiallyDeferred bool     `json:"initially_deferred"`
	}
	// CheckDoc is one check constraint.
	CheckDoc struct {
		Name string `json:"name"`
		Expr string `json:"expr"`
	}
	// OptionDoc is one table option (MySQL's ENGINE, ...).
	OptionDoc struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	// EnumDoc is one named enum type.
	EnumDoc struct {
		Schema string   `json:"schema"`
		Name   string   `json:"name"`
		Values []string `json:"values"`
	}
)

// NewSchemaDocument returns s, reflected from a database of the named
// dialect, as the JSON document.
func NewSchemaDocument(dialect string, s model.Schema) SchemaDocument {
	doc := SchemaDocument{Version: SchemaDocumentVersion, Dialect: dialect, Tables: []TableDoc{}, Enums: []EnumDoc{}, NotCompared: []ObjectDoc{}}
	tables := slices.Clone(s.Tables)
	slices.SortFunc(tables, func(a, b model.Table) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	for _, t := range tables {
		doc.Tables = append(doc.Tables, tableDoc(t))
	}
	enums := slices.Clone(s.Enums)
	slices.SortFunc(enums, func(a, b model.Enum) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	for _, e := range enums {
		doc.Enums = append(doc.Enums, EnumDoc{Schema: e.Schema, Name: e.Name, Values: nonNil(e.Values)})
	}
	return doc
}

func tableDoc(t model.Table) TableDoc {
	d := TableDoc{
		Schema: t.Schema, Name: t.Name, Comment: t.Comment,
		Columns:    []ColumnDoc{},
		PrimaryKey: KeyDoc{Name: t.PrimaryKey.Name, Columns: nonNil(t.PrimaryKey.Columns)},
		Indexes:    []IndexDoc{}, Uniques: []KeyDoc{}, ForeignKeys: []ForeignKeyDoc{},
		Checks: []CheckDoc{}, Options: []OptionDoc{},
	}
	for _, c := range t.Columns {
		d.Columns = append(d.Columns, ColumnDoc{
			Name: c.Name, Type: c.Type.String(), Nullable: c.Nullable, Default: c.Default,
			AutoIncrement: c.AutoIncrement, Identity: c.Identity.String(),
			Generated: c.Generated.Expr, Stored: c.Generated.Stored, Comment: c.Comment,
			Charset: c.Charset, Collation: c.Collation, OnUpdate: c.OnUpdate,
		})
	}
	for _, ix := range t.Indexes {
		parts := []IndexPartDoc{}
		for _, p := range ix.Parts {
			parts = append(parts, IndexPartDoc{Column: p.Column, Expr: p.Expr, Desc: p.Desc, Length: p.Length})
		}
		d.Indexes = append(d.Indexes, IndexDoc{Name: ix.Name, Unique: ix.Unique, Parts: parts, Where: ix.Where, Method: ix.Method, Include: nonNil(ix.Include)})
	}
	for _, u := range t.Uniques {
		d.Uniques = append(d.Uniques, KeyDoc{Name: u.Name, Columns: nonNil(u.Columns)})
	}
	for _, fk := range t.ForeignKeys {
		d.ForeignKeys = append(d.ForeignKeys, ForeignKeyDoc{
			Name: fk.Name, Columns: nonNil(fk.Columns), RefSchema: fk.RefSchema, RefTable: fk.RefTable,
			RefColumns: nonNil(fk.RefColumns), OnDelete: fk.OnDelete.String(), OnUpdate: fk.OnUpdate.String(),
			Deferrable: fk.Deferrable, InitiallyDeferred: fk.InitiallyDeferred,
		})
	}
	for _, c := range t.Checks {
		d.Checks = append(d.Checks, CheckDoc{Name: c.Name, Expr: c.Expr})
	}
	for _, o := range t.Options {
		d.Options = append(d.Options, OptionDoc{Name: o.Name, Value: o.Value})
	}
	return d
}
