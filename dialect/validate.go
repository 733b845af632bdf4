package dialect

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// ValueKind names a value a model (or a hand-written op) gives that a
// dialect writes into DDL as SQL text, neither quoted as a string nor as an
// identifier: keyword-like values (a character set, a collation, an index
// method, a table option) and SQL expressions (a type, a default, a check).
type ValueKind uint8

// Value kinds. The keyword-like kinds come first.
const (
	ValueCharset ValueKind = iota + 1
	ValueCollation
	ValueIndexMethod
	ValueTableOption
	ValueType
	ValueDefault
	ValueOnUpdate
	ValueGenerated
	ValueCheck
	ValueIndexWhere
	ValueIndexExpr
	ValueExclude
)

var valueKindNames = [...]string{"", "charset", "collation", "index method", "table option", "type", "default",
	"on update", "generated expression", "check", "index where", "index expression", "exclusion constraint"}

// String names the kind as a message does ("charset", "index method").
func (k ValueKind) String() string {
	if int(k) < len(valueKindNames) {
		return valueKindNames[k]
	}
	return "value"
}

// IsExpr reports whether the kind is SQL expression text (a type, a
// default, a check ...) rather than a keyword-like value.
func (k ValueKind) IsExpr() bool { return k >= ValueType }

// ErrUnsafeValue is wrapped by the error for a value the dialect refuses
// to write into DDL: not a name its server's grammar accepts there, or SQL
// text that would end the statement, start another or comment out the rest.
var ErrUnsafeValue = errors.New("value refused")

// ErrCapability is wrapped by the error for a model feature the target
// server cannot run as written (an expression index on MariaDB, a name
// PostgreSQL would truncate, two names the server folds into one).
var ErrCapability = errors.New("not supported by the target database")

// ValueError is a value refused by [CheckValue] or a [ValueChecker]: its
// kind, the value as given and the fix.
type ValueError struct {
	Kind  ValueKind
	Value string
	// Fix says what the value must look like ("charset must be an
	// identifier such as utf8mb4").
	Fix string
}

// Error renders `charset "x;y" is refused: charset must be ...`.
func (e *ValueError) Error() string {
	return fmt.Sprintf("%s %q is refused: %s", e.Kind, e.Value, e.Fix)
}

// Unwrap returns [ErrUnsafeValue].
func (e *ValueError) Unwrap() error { return ErrUnsafeValue }

// ValueChecker is implemented by dialects that write keyword-like values
// into DDL: it says whether the server's grammar accepts value where kind
// goes, and returns a [*ValueError] naming the fix when it does not.
// Dialects call [CheckValue] for the kinds they have no rule of their own
// for. Expressions ([ValueKind.IsExpr]) are checked by [CheckExpr] before
// the checker is asked.
type ValueChecker interface {
	CheckValue(kind ValueKind, value string) error
	// CheckTableOption checks one table option, name and value.
	CheckTableOption(o model.TableOption) error
}

// CapabilityChecker is implemented by dialects whose server cannot run
// every model: it returns the features of s the server cannot run as
// written (each error wraps [ErrCapability]) — checked before anything
// runs, when the models are read.
type CapabilityChecker interface {
	CheckCapabilities(s model.Schema) []Problem
}

// Problem is one thing in a schema that its dialect refuses: where it is
// and why.
type Problem struct {
	Schema, Table string
	// Column is the column at fault, "" when the problem is not one
	// column's.
	Column string
	// Object is the index or constraint at fault, "" when none.
	Object string
	// Err says what is wrong and the fix; it wraps [ErrUnsafeValue] or
	// [ErrCapability].
	Err error
}

// Error renders `table.column: problem` (or table.object).
func (p Problem) Error() string {
	where := p.Table
	if p.Schema != "" {
		where = p.Schema + "." + where
	}
	switch {
	case p.Column != "":
		where += "." + p.Column
	case p.Object != "":
		where += " " + p.Object
	}
	return where + ": " + p.Err.Error()
}

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }

// identValue is a keyword-like value every dialect accepts unquoted.
var identValue = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// CheckValue checks a keyword-like value by the rule every dialect
// shares, for dialects (and kinds) without a rule of their own: an
// identifier of letters, digits and "_", not starting with a digit.
// Expression kinds are not keyword-like: use [CheckExpr].
func CheckValue(kind ValueKind, value string) error {
	if identValue.MatchString(value) {
		return nil
	}
	return &ValueError{Kind: kind, Value: value, Fix: kindFix(kind)}
}

// kindFix is the shared rule's fix for a keyword-like kind.
func kindFix(kind ValueKind) string {
	switch kind {
	case ValueCharset:
		return "charset must be an identifier such as utf8mb4"
	case ValueCollation:
		return "collate must be an identifier such as utf8mb4_bin or C"
	case ValueIndexMethod:
		return "index_method must be an identifier such as btree"
	}
	return kind.String() + " must be an identifier (letters, digits and _)"
}

// CheckTableOption checks a table option by the rule every dialect
// shares: a name of words (ROW_FORMAT, DATA DIRECTORY, WITHOUT ROWID) and
// no value, or a value that is one identifier, number or complete string
// literal in d's quoting.
func CheckTableOption(d Dialect, o model.TableOption) error {
	if !tableOptionName.MatchString(o.Name) {
		return &ValueError{Kind: ValueTableOption, Value: o.Name, Fix: "a table option's name must be words such as ROW_FORMAT: option=ROW_FORMAT=DYNAMIC"}
	}
	if strings.TrimSpace(o.Value) == "" {
		return nil // an option that is only a name (SQLite's STRICT)
	}
	toks, err := sqllex.Split(o.Value, lexRules(d))
	ok := err == nil && len(toks) == 1 && len(toks[0]) == 1
	if ok {
		switch toks[0][0].Kind {
		case sqllex.Word, sqllex.Number, sqllex.String, sqllex.Ident:
			ok = toks[0][0].Text == strings.TrimSpace(o.Value)
		default:
			ok = false
		}
	}
	if !ok {
		return &ValueError{Kind: ValueTableOption, Value: o.Name + "=" + o.Value,
			Fix: "a table option's value must be one word, number or quoted string: option=ROW_FORMAT=DYNAMIC, option=KEY_BLOCK_SIZE=8, option=COMMENT='text'"}
	}
	return nil
}

var tableOptionName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*$`)

// exprEnd marks the end of an expression being checked: a line comment
// that runs to the end of the expression swallows it.
const exprEnd = "retort_expr_end"

// CheckExpr checks SQL expression text a model gives (a type, a default, a
// check, a generated column, an index expression or predicate, MySQL's ON
// UPDATE), read with d's quoting and comment rules: the text must be one
// complete expression, so that written into a statement it can neither
// end it nor start another. It refuses a ; outside quotes, an unterminated
// quote or comment, parentheses that close more than they open or do not
// close, a comma outside parentheses, and a line comment that runs to the
// end of the text (it would comment out the rest of the statement).
func CheckExpr(d Dialect, kind ValueKind, text string) error {
	bad := func(why string) error {
		return &ValueError{Kind: kind, Value: text, Fix: why + "; " + exprFix(kind)}
	}
	if strings.ContainsRune(text, 0) {
		return bad("it holds a NUL byte")
	}
	full := text + " " + exprEnd
	stmts, err := sqllex.SplitText(full, lexRules(d))
	if err != nil {
		return bad("it has an unterminated quote or comment")
	}
	if len(stmts) != 1 || stmts[0].Start != len(full)-len(strings.TrimLeft(full, " \t\r\n\f\v")) {
		return bad("it holds a ; outside quotes")
	}
	toks := stmts[0].Tokens
	if last := toks[len(toks)-1]; last.Kind != sqllex.Word || last.Text != exprEnd {
		return bad("it ends in a line comment, which would comment out the rest of the statement")
	}
	depth, brackets := 0, 0 // brackets: PostgreSQL's ARRAY[1, 2]
	for _, t := range toks[:len(toks)-1] {
		switch {
		case t.IsPunct(";"):
			return bad("it holds a ; outside quotes")
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
			if depth < 0 {
				return bad("it closes a parenthesis it did not open")
			}
		case t.IsPunct(",") && depth == 0 && brackets == 0:
			return bad("it holds a comma outside parentheses")
		case t.Kind == sqllex.Op && t.Text == "[":
			brackets++
		case t.Kind == sqllex.Op && t.Text == "]":
			brackets--
		}
	}
	if depth != 0 {
		return bad("a parenthesis is not closed")
	}
	return nil
}

// exprFix is what an expression of kind must be.
func exprFix(kind ValueKind) string {
	switch kind {
	case ValueType:
		return "type must be one SQL type such as varchar(255) or numeric(10,2)"
	case ValueDefault:
		return "default must be one SQL expression such as 'user', 0 or CURRENT_TIMESTAMP"
	case ValueExclude:
		return "an exclusion constraint must be one definition such as USING gist (area WITH &&)"
	}
	return kind.String() + " must be one SQL expression"
}

// checkValue checks one value of kind on d: [CheckExpr] for expressions,
// d's [ValueChecker] (or [CheckValue]) for keyword-like values.
func checkValue(d Dialect, kind ValueKind, value string) error {
	if kind.IsExpr() {
		return CheckExpr(d, kind, value)
	}
	if c, ok := d.(ValueChecker); ok {
		return c.CheckValue(kind, value)
	}
	return CheckValue(kind, value)
}

// checkTableOption checks one table option on d.
func checkTableOption(d Dialect, o model.TableOption) error {
	if c, ok := d.(ValueChecker); ok {
		return c.CheckTableOption(o)
	}
	return CheckTableOption(d, o)
}

// ValidateSchema returns every value of s that d refuses to write into
// DDL ([CheckExpr], [ValueChecker]) and, when d implements
// [CapabilityChecker], every feature its server cannot run. Models are
// checked with it when they are read, before anything is compared or
// run.
func ValidateSchema(d Dialect, s model.Schema) []Problem {
	var out []Problem
	for _, t := range s.Tables {
		out = append(out, tableProblems(d, t)...)
	}
	if c, ok := d.(CapabilityChecker); ok {
		out = append(out, c.CheckCapabilities(s)...)
	}
	return out
}

// tableProblems checks the values of one table.
func tableProblems(d Dialect, t model.Table) []Problem {
	var out []Problem
	add := func(col, obj string, err error) {
		if err != nil {
			out = append(out, Problem{Schema: t.Schema, Table: t.Name, Column: col, Object: obj, Err: err})
		}
	}
	for _, o := range t.Options {
		add("", "", checkTableOption(d, o))
	}
	for _, c := range t.Columns {
		for _, e := range columnErrs(d, c) {
			add(c.Name, "", e)
		}
	}
	for _, ix := range t.Indexes {
		add("", ix.Name, indexErr(d, ix))
	}
	for _, ck := range t.Checks {
		add("", ck.Name, checkValue(d, ValueCheck, ck.Expr))
	}
	for _, x := range t.Excludes {
		add("", x.Name, checkValue(d, ValueExclude, x.Def))
	}
	return out
}

// columnErrs checks the values of one column.
func columnErrs(d Dialect, c model.Column) []error {
	var out []error
	for _, v := range []struct {
		kind  ValueKind
		value string
	}{
		{ValueType, c.Type.SQL}, {ValueDefault, c.Default}, {ValueOnUpdate, c.OnUpdate},
		{ValueGenerated, c.Generated.Expr}, {ValueCharset, c.Charset}, {ValueCollation, c.Collation},
	} {
		if v.value == "" {
			continue
		}
		if err := checkValue(d, v.kind, v.value); err != nil {
			out = append(out, err)
		}
	}
	return out
}

// indexErr checks the values of one index.
func indexErr(d Dialect, ix model.Index) error {
	if ix.Method != "" {
		if err := checkValue(d, ValueIndexMethod, ix.Method); err != nil {
			return err
		}
	}
	if ix.Where != "" {
		if err := checkValue(d, ValueIndexWhere, ix.Where); err != nil {
			return err
		}
	}
	for _, p := range ix.Parts {
		if p.Expr == "" {
			continue
		}
		if err := checkValue(d, ValueIndexExpr, p.Expr); err != nil {
			return err
		}
	}
	return nil
}

// CheckOp checks the values op would write into DDL on d (the new
// definitions it carries: a created table, an added or altered column, a
// created index or check, table options), so that a hand-written revision
// calling the op builders with text no model would pass is refused as
// the models are. Dialects call it first in Statements. Definitions an op
// carries only for its reverse (a dropped column) are checked when the
// reverse runs.
func CheckOp(d Dialect, op ops.Op) error {
	var probs []Problem
	switch o := op.(type) {
	case ops.CreateTable:
		probs = tableProblems(d, o.Table)
	case ops.AddColumn:
		probs = tableProblems(d, model.Table{Schema: o.Schema, Name: o.Table, Columns: []model.Column{o.Column}})
	case ops.AlterColumn:
		probs = tableProblems(d, model.Table{Schema: o.Schema, Name: o.Table, Columns: []model.Column{o.To}})
	case ops.CreateIndex:
		probs = tableProblems(d, model.Table{Schema: o.Schema, Name: o.Table, Indexes: []model.Index{o.Index}})
	case ops.AddCheck:
		probs = tableProblems(d, model.Table{Schema: o.Schema, Name: o.Table, Checks: []model.Check{o.Check}})
	case ops.AddExclude:
		probs = tableProblems(d, model.Table{Schema: o.Schema, Name: o.Table, Excludes: []model.Exclude{o.Exclude}})
	case ops.SetTableOptions:
		probs = tableProblems(d, model.Table{Schema: o.Schema, Name: o.Table, Options: o.To})
	}
	if len(probs) == 0 {
		return nil
	}
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = p
	}
	return fmt.Errorf("dialect: %w", errors.Join(errs...))
}
