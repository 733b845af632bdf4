package load

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// SameTable is a model whose source names the table another model,
// declared before it, names too.
type SameTable struct {
	// Name is the struct's name; Of is the earlier model's.
	Name, Of string
	// Table is the table both name.
	Table string
}

// returnedString is the string literal a function body returns when the
// body is that single return statement.
func returnedString(body *ast.BlockStmt) (string, bool) {
	if body == nil || len(body.List) != 1 {
		return "", false
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return "", false
	}
	lit, ok := ret.Results[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil && s != ""
}

// embedsByTag reports whether a named field's tag flattens its struct
// into the model: GORM's embedded setting, bun's embed: option.
func embedsByTag(tag interface{ Get(string) string }) bool {
	for _, part := range strings.Split(tag.Get("gorm"), ";") {
		k, _, _ := strings.Cut(strings.TrimSpace(part), ":")
		if strings.EqualFold(k, "embedded") {
			return true
		}
	}
	for _, part := range strings.Split(tag.Get("bun"), ",") {
		if strings.HasPrefix(strings.TrimSpace(part), "embed:") {
			return true
		}
	}
	return false
}

// sourceTable is the table a struct's source names explicitly: the
// literal its TableName method returns, a db table option
// (_ struct{} `db:",table=NAME"`, with schema=), or bun's table: on an
// embedded BaseModel; "" when the name comes from a convention.
func sourceTable(files []sourceFile, td typeDecl) string {
	for _, f := range files {
		if lit, ok := f.tableNameLit[td.name]; ok {
			return lit
		}
	}
	for _, f := range files {
		if slices.Contains(f.tableName, td.name) {
			return "" // a TableName method that computes its result
		}
	}
	var table, schema string
	for _, fld := range td.fields {
		if fld.name == "_" {
			if parts, err := splitOptions(fld.tag.Get(tagKey)); err == nil {
				for _, p := range parts[1:] {
					k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
					switch strings.ToLower(strings.TrimSpace(k)) {
					case "table":
						table = strings.TrimSpace(v)
					case "schema":
						schema = strings.TrimSpace(v)
					}
				}
			}
		}
		if fld.embedded {
			for _, p := range strings.Split(fld.tag.Get("bun"), ",") {
				if v, ok := strings.CutPrefix(strings.TrimSpace(p), "table:"); ok {
					table = v
				}
			}
		}
	}
	if table != "" && schema != "" {
		return schema + "." + table
	}
	return table
}

// sameTables lists the models whose source names a table an earlier
// model (in file and declaration order) names.
func sameTables(files []sourceFile, models []string) []SameTable {
	var out []SameTable
	owner := map[string]string{}
	for _, f := range files {
		for _, td := range f.types {
			if !slices.Contains(models, td.name) {
				continue
			}
			table := sourceTable(files, td)
			if table == "" {
				continue
			}
			if first, dup := owner[table]; dup {
				out = append(out, SameTable{Name: td.name, Of: first, Table: table})
				continue
			}
			owner[table] = td.name
		}
	}
	return out
}
