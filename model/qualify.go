package model

// QualifySchema names schema on everything in s that names none: tables
// and enum types with an empty Schema get schema, and foreign keys with an
// empty RefSchema (which means "the table's own schema") get it spelled
// out. A caller that reflects a non-default schema (whose tables come back
// with Schema "") calls it before merging the result with the default
// schema's tables, so that both sides of a comparison name the schema.
// Tables and enums that already name a schema are left as they are.
func QualifySchema(s *Schema, schema string) {
	if schema == "" {
		return
	}
	for i := range s.Tables {
		t := &s.Tables[i]
		if t.Schema != "" {
			continue
		}
		t.Schema = schema
		for k := range t.ForeignKeys {
			if t.ForeignKeys[k].RefSchema == "" {
				t.ForeignKeys[k].RefSchema = schema
			}
		}
	}
	for i := range s.Enums {
		if s.Enums[i].Schema == "" {
			s.Enums[i].Schema = schema
		}
	}
}
