package diff_test

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// testDialect is a small, database-free dialect for diff's tests. Its rules
// are deliberately simple; the real dialects are tested against servers.
//
//   - TypeSQL: SQL as written; an enum type by its name; logical kinds as
//     bool→boolean, smallint, int→integer, bigint, real, double→"double
//     precision", string→text or varchar(Size), bytes→bytea, timestamp,
//     json, uuid, decimal→numeric.
//   - NormalizeType: lower case, single spaces, no spaces in the argument
//     list, and the aliases int/int4→integer, int8→bigint, bool→boolean,
//     "character varying"→varchar.
//   - NormalizeDefault and NormalizeExpr: whitespace collapsed (and removed
//     inside parentheses' edges), lower case outside single quotes, redundant
//     outer parentheses removed.
//   - Canonical: every column type resolved with TypeSQL; nothing else.
type testDialect struct{}

var _ dialect.Dialect = testDialect{}

func (testDialect) Name() dialect.Name         { return "test" }
func (testDialect) QuoteIdent(s string) string { return s }
func (testDialect) TransactionalDDL() bool     { return true }

func (testDialect) Statements(context.Context, ops.Op, dialect.TableSource) ([]dialect.Statement, error) {
	return nil, errors.New("test dialect: writes no SQL")
}

func (testDialect) TypeSQL(t model.Type) string {
	if t.SQL != "" {
		return t.SQL
	}
	if t.Enum != "" {
		return t.Enum
	}
	switch t.Logical {
	case model.LogicalBool:
		return "boolean"
	case model.LogicalInt:
		return "integer"
	case model.LogicalDouble:
		return "double precision"
	case model.LogicalString:
		if t.Size > 0 {
			return "varchar(" + strconv.Itoa(t.Size) + ")"
		}
		return "text"
	case model.LogicalBytes:
		return "bytea"
	case model.LogicalDecimal:
		return "numeric"
	}
	return t.Logical.String()
}

var typeAliases = map[string]string{
	"int": "integer", "int4": "integer", "int8": "bigint",
	"bool": "boolean", "character varying": "varchar",
}

func (testDialect) NormalizeType(sql string) string {
	base, args := model.SplitType(sql)
	if a, ok := typeAliases[base]; ok {
		base = a
	}
	if len(args) == 0 {
		return base
	}
	return base + "(" + strings.Join(args, ",") + ")"
}

func (d testDialect) NormalizeDefault(col model.Column) string { return d.NormalizeExpr(col.Default) }

func (testDialect) NormalizeExpr(expr string) string {
	var b strings.Builder
	inQuote, space := false, false
	for _, r := range strings.TrimSpace(expr) {
		switch {
		case r == '\'':
			inQuote = !inQuote
		case !inQuote && (r == ' ' || r == '\t' || r == '\n'):
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if !inQuote {
			r = []rune(strings.ToLower(string(r)))[0]
		}
		b.WriteRune(r)
	}
	s := parenSpace.Replace(b.String())
	for len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' && closes(s) == len(s)-1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

var parenSpace = strings.NewReplacer("( ", "(", " )", ")")

// closes returns the index of the parenthesis closing s[0].
func closes(s string) int {
	depth := 0
	for i := range len(s) {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func (d testDialect) Canonical(s model.Schema) model.Schema {
	out := model.Schema{Enums: s.Enums, Tables: make([]model.Table, len(s.Tables))}
	for i, t := range s.Tables {
		cols := make([]model.Column, len(t.Columns))
		for k, c := range t.Columns {
			c.Type.SQL = d.TypeSQL(c.Type)
			cols[k] = c
		}
		t.Columns = cols
		out.Tables[i] = t
	}
	return out
}
