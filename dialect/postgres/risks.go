package postgres

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var _ dialect.RiskAssessor = (*Dialect)(nil)

// Risks returns the locks PostgreSQL takes on a table that holds rows:
// the ACCESS EXCLUSIVE rewrite of ADD COLUMN with a volatile default or a
// stored generated column, and of a type change that is not binary
// compatible; the scan of SET NOT NULL; CREATE INDEX without CONCURRENTLY;
// and the row checks of added constraints.
func (d *Dialect) Risks(op ops.Op, rc dialect.RiskContext) []dialect.Risk {
	if rc.New {
		return nil
	}
	switch o := op.(type) {
	case ops.AddColumn:
		return addColumnRisks(o)
	case ops.AlterColumn:
		return d.alterColumnRisks(o)
	case ops.CreateIndex:
		if o.Concurrently {
			return nil
		}
		table := riskName(o.Schema, o.Table)
		return []dialect.Risk{{Kind: dialect.RiskLock, Level: dialect.RiskWarning, Object: table + "." + o.Index.Name,
			Message: "builds index " + o.Index.Name + " without CONCURRENTLY: writes to " + table + " wait until it is built (call .Concurrently() to avoid the lock)"}}
	case ops.AddPrimaryKey:
		return constraintRisks(o.Schema, o.Table, o.PrimaryKey.Name, "add primary key", true)
	case ops.AddUnique:
		return constraintRisks(o.Schema, o.Table, o.Unique.Name, "add unique", true)
	case ops.AddForeignKey:
		return constraintRisks(o.Schema, o.Table, o.ForeignKey.Name, "add foreign key", false)
	case ops.AddCheck:
		return constraintRisks(o.Schema, o.Table, o.Check.Name, "add check", false)
	}
	return nil
}

func addColumnRisks(o ops.AddColumn) []dialect.Risk {
	c := o.Column
	table := riskName(o.Schema, o.Table)
	obj := table + "." + c.Name
	switch {
	case volatile(c.Default):
		return []dialect.Risk{{Kind: dialect.RiskLock, Level: dialect.RiskWarning, Object: obj,
			Message: "adds " + obj + " with a volatile default (" + c.Default + "): PostgreSQL rewrites " + table + " under an ACCESS EXCLUSIVE lock"}}
	case c.Generated.Expr != "" && c.Generated.Stored:
		return []dialect.Risk{{Kind: dialect.RiskLock, Level: dialect.RiskWarning, Object: obj,
			Message: "adds stored generated column " + obj + ": PostgreSQL rewrites " + table + " under an ACCESS EXCLUSIVE lock"}}
	}
	return nil
}

func (d *Dialect) alterColumnRisks(o ops.AlterColumn) []dialect.Risk {
	name := o.To.Name
	if name == "" {
		name = o.From.Name
	}
	table := riskName(o.Schema, o.Table)
	obj := table + "." + name
	var out []dialect.Risk
	if o.Change.Has(ops.ChangeType) {
		from, to := d.riskType(o.From), d.riskType(o.To)
		if rewrites(from, to) {
			out = append(out, dialect.Risk{Kind: dialect.RiskLock, Level: dialect.RiskWarning, Object: obj,
				Message: "changes " + obj + " " + from.sql + " -> " + to.sql + ": PostgreSQL rewrites " + table + " and its indexes under an ACCESS EXCLUSIVE lock"})
		}
	}
	if o.Change.Has(ops.ChangeNullable) && !o.To.Nullable {
		out = append(out, dialect.Risk{Kind: dialect.RiskLock, Level: dialect.RiskInfo, Object: obj,
			Message: "sets " + obj + " NOT NULL: PostgreSQL scans " + table + " under an ACCESS EXCLUSIVE lock"})
	}
	return out
}

// constraintRisks is the lock of adding a constraint; unique says whether
// it builds a unique index.
func constraintRisks(schema, table, name, what string, unique bool) []dialect.Risk {
	t := riskName(schema, table)
	obj := t
	if name != "" {
		obj += "." + name
	}
	msg := "PostgreSQL checks every row of " + t + " while holding a lock that blocks writes"
	if unique {
		msg = "PostgreSQL builds the unique index while writes to " + t + " wait"
	}
	return []dialect.Risk{{Kind: dialect.RiskLock, Level: dialect.RiskWarning, Object: obj,
		Message: strings.TrimSpace(what+" "+name) + ": " + msg}}
}

// riskName is schema.name, or name, unquoted as reviewers read it.
func riskName(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// riskType is a column type read for [rewrites].
type riskType struct {
	sql, base   string
	size        int64 // a varchar's length; 0: unbounded
	decimal     bool
	prec, scale int // a decimal's; prec 0: unbounded
}

// riskType reads a column's type as the catalog spells it.
func (d *Dialect) riskType(c model.Column) riskType {
	sql := c.Type.SQL
	if sql == "" {
		sql = d.TypeSQL(c.Type)
	}
	sql = d.NormalizeType(sql)
	base, args := model.SplitType(sql)
	arg := func(i int) int64 {
		if i >= len(args) {
			return 0
		}
		n, err := strconv.ParseInt(strings.TrimSpace(args[i]), 10, 64)
		if err != nil {
			return 0
		}
		return n
	}
	t := riskType{sql: sql, base: base, size: arg(0)}
	enum := c.Type.Enum != "" || len(c.Type.EnumValues) > 0
	switch base {
	case "numeric", "decimal", "dec":
		t.decimal = !enum
		t.prec, t.scale = int(arg(0)), int(arg(1))
	}
	return t
}

// rewrites reports whether PostgreSQL rewrites the table to change a
// column from one type to the other. It does not when the new type is
// binary-compatible and no narrower: varchar widened or made unbounded,
// varchar to text, numeric precision raised at the same scale, numeric
// made unbounded, cidr to inet.
func rewrites(from, to riskType) bool {
	if from.sql == to.sql {
		return false
	}
	isVarchar := func(t riskType) bool { return t.base == "character varying" || t.base == "varchar" }
	isText := func(t riskType) bool { return t.base == "text" }
	switch {
	case isVarchar(from) && isVarchar(to):
		return to.size != 0 && (from.size == 0 || to.size < from.size)
	case isVarchar(from) && isText(to), isText(from) && isVarchar(to) && to.size == 0:
		return false
	case from.decimal && to.decimal:
		if to.prec == 0 {
			return false
		}
		return from.prec == 0 || to.scale != from.scale || to.prec < from.prec
	case from.base == "cidr" && to.base == "inet":
		return false
	}
	return true
}

// volatile reports whether a default is a volatile function call, which
// makes ADD COLUMN rewrite the table.
func volatile(def string) bool {
	d := strings.ToLower(def)
	for _, fn := range []string{"random(", "gen_random_uuid(", "uuid_generate_v", "clock_timestamp(", "timeofday(", "nextval("} {
		if strings.Contains(d, fn) {
			return true
		}
	}
	return false
}
