package render

import (
	"fmt"
	"math/rand/v2"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// randomCases returns n revisions of random ops, for the re-recording test:
// odd combinations the golden cases do not show (nullable key columns,
// constraints out of column order, names that match the convention by
// chance, aspects that differ without a Change bit). The seed is fixed.
func randomCases(n int) []fileCase {
	g := gen{r: rand.New(rand.NewPCG(1, 2))}
	var out []fileCase
	for i := range n {
		id := fmt.Sprintf("rand%02d", i)
		out = append(out, fileCase{
			name: id,
			rev:  Revision{Header: ops.Header{ID: id, Message: "random ops " + id}, CreateDate: created},
			up:   g.ops(12),
			down: g.ops(4),
		})
	}
	return out
}

type gen struct{ r *rand.Rand }

func (g gen) chance(p float64) bool { return g.r.Float64() < p }

func (g gen) pick(list ...string) string { return list[g.r.IntN(len(list))] }

// maybe returns s with probability p, else "".
func (g gen) maybe(p float64, s string) string {
	if g.chance(p) {
		return s
	}
	return ""
}

func (g gen) strs(pool []string, max int) []string {
	var out []string
	for range g.r.IntN(max + 1) {
		out = append(out, pool[g.r.IntN(len(pool))])
	}
	return out
}

var (
	colPool   = []string{"id", "a", "b", "name", "team_id"}
	typePool  = []string{"bigint", "INTEGER", "varchar(40)", "numeric(10,2)", "text", "mood"}
	exprPool  = []string{"a > 0", "", `"name" <> ''`, "lower(name)", "a\nAND b", "`x`"}
	tablePool = []string{"t", "users", "teams"}
)

func (g gen) typ() model.Type {
	t := model.Type{SQL: g.pick(typePool...)}
	if g.chance(0.15) {
		t.Logical = model.Logical(g.r.IntN(13))
		t.Size = g.r.IntN(3) * 10
		t.Unsigned = g.chance(0.5)
	}
	if g.chance(0.15) {
		t.Enum = g.maybe(0.7, "mood")
		t.EnumValues = g.strs([]string{"happy", "sad", "it's"}, 3)
	}
	return t
}

func (g gen) column(name string) model.Column {
	c := model.Column{Name: name, Type: g.typ(), Nullable: g.chance(0.5)}
	c.Default = g.maybe(0.3, g.pick("0", "'x'", `"q"`, "CURRENT_TIMESTAMP"))
	c.AutoIncrement = g.chance(0.15)
	if g.chance(0.15) {
		c.Identity = model.Identity(g.r.IntN(4))
	}
	if g.chance(0.15) {
		c.Generated = model.Generated{Expr: g.pick(exprPool...), Stored: g.chance(0.5)}
	}
	c.Comment = g.maybe(0.15, g.pick("a comment", "it's \"quoted\"", "two\nlines"))
	c.Charset = g.maybe(0.1, "utf8mb4")
	c.Collation = g.maybe(0.1, "C")
	c.OnUpdate = g.maybe(0.1, "CURRENT_TIMESTAMP")
	c.RenamedFrom = g.maybe(0.05, "old")
	// Issue 12's column details.
	if g.chance(0.1) {
		c.Serial, c.AutoIncrement = true, true
	}
	c.Sequence = g.maybe(0.1, "START WITH 10 INCREMENT BY 2")
	c.Storage = g.maybe(0.1, g.pick("external", "main"))
	c.Compression = g.maybe(0.1, "lz4")
	c.Invisible = g.chance(0.1)
	return c
}

func (g gen) table() model.Table {
	t := model.Table{Schema: g.maybe(0.2, "app"), Name: g.pick(tablePool...)}
	names := append([]string(nil), colPool...)
	g.r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	names = names[:g.r.IntN(len(names)+1)]
	for _, n := range names {
		t.Columns = append(t.Columns, g.column(n))
	}
	if len(names) == 0 {
		names = []string{"x"}
	}
	if g.chance(0.7) {
		t.PrimaryKey = model.PrimaryKey{Name: g.pick(model.PrimaryKeyName(t.Name), "", "PRIMARY"), Columns: g.strs(names, 2),
			Deferrable: g.chance(0.15), InitiallyDeferred: g.chance(0.1)}
	}
	for range g.r.IntN(3) {
		cols := g.strs(names, 2)
		t.Uniques = append(t.Uniques, model.Unique{Name: g.pick(model.UniqueName(t.Name, cols...), "uq"), Columns: cols,
			NullsNotDistinct: g.chance(0.15), Deferrable: g.chance(0.15), InitiallyDeferred: g.chance(0.1), Comment: g.maybe(0.1, "one")})
	}
	for range g.r.IntN(3) {
		t.ForeignKeys = append(t.ForeignKeys, g.foreignKey(t.Name, names))
	}
	for range g.r.IntN(3) {
		t.Checks = append(t.Checks, model.Check{Name: g.pick(model.CheckName(t.Name, g.pick(names...)), "ck"), Expr: g.pick(exprPool...),
			NoInherit: g.chance(0.15), Comment: g.maybe(0.1, "it's checked")})
	}
	for range g.r.IntN(2) {
		t.Indexes = append(t.Indexes, g.index(names))
	}
	t.Comment = g.maybe(0.2, "table comment")
	for range g.r.IntN(2) {
		t.Options = append(t.Options, model.TableOption{Name: g.pick("ENGINE", "CHARSET"), Value: g.pick("InnoDB", "utf8mb4")})
	}
	return t
}

func (g gen) action() model.ReferenceAction { return model.ReferenceAction(g.r.IntN(5)) }

func (g gen) foreignKey(table string, names []string) model.ForeignKey {
	cols := g.strs(names, 2)
	ref := g.pick(tablePool...)
	fk := model.ForeignKey{
		Name: g.pick(model.ForeignKeyName(table, cols, ref), "fk"), Columns: cols,
		RefTable: ref, RefColumns: g.strs([]string{"id", "a"}, 2),
		OnDelete: g.action(),
	}
	if g.chance(0.3) {
		fk.RefSchema = g.pick("app", "other")
		fk.OnUpdate = g.action()
		fk.Deferrable = g.chance(0.5)
		fk.InitiallyDeferred = g.chance(0.5)
	}
	fk.MatchFull = g.chance(0.15)
	fk.Comment = g.maybe(0.1, "whose")
	return fk
}

func (g gen) index(names []string) model.Index {
	ix := model.Index{Name: g.pick("ix_a", "ix_t_b"), Unique: g.chance(0.3)}
	for range g.r.IntN(4) {
		p := model.IndexPart{Desc: g.chance(0.3)}
		if g.chance(0.3) {
			p.Expr = g.pick("lower(name)", "(a + 1)", `"x" || 'y'`)
		} else {
			p.Column = g.pick(names...)
		}
		if g.chance(0.2) {
			p.Length = 191
		}
		p.Collation = g.maybe(0.15, "C")
		p.Opclass = g.maybe(0.15, "text_pattern_ops")
		p.Nulls = model.NullsOrder(g.r.IntN(3))
		// Keys that share a name must agree on every detail.
		for _, q := range ix.Parts {
			if q.Column+q.Expr == p.Column+p.Expr {
				p = q
			}
		}
		ix.Parts = append(ix.Parts, p)
	}
	ix.Where = g.maybe(0.2, "deleted_at IS NULL")
	ix.Method = g.maybe(0.2, "gin")
	ix.Include = g.strs(names, 2)
	ix.NullsNotDistinct = g.chance(0.15)
	ix.StorageParams = g.maybe(0.15, "fillfactor=70")
	ix.Comment = g.maybe(0.15, "an index")
	ix.Invisible = g.chance(0.1)
	return ix
}

func (g gen) alter() ops.AlterColumn {
	from := g.column(g.pick(colPool...))
	to := from
	other := g.column(from.Name)
	if g.chance(0.4) {
		to.Type = other.Type
	}
	if g.chance(0.4) {
		to.Nullable = !from.Nullable
	}
	if g.chance(0.3) {
		to.Default = other.Default
	}
	if g.chance(0.3) {
		to.Comment, to.AutoIncrement, to.Identity = other.Comment, other.AutoIncrement, other.Identity
	}
	if g.chance(0.3) {
		to.Generated, to.Charset, to.Collation, to.OnUpdate, to.RenamedFrom = other.Generated, other.Charset, other.Collation, other.OnUpdate, other.RenamedFrom
	}
	if g.chance(0.3) {
		to.Serial, to.Sequence, to.Storage, to.Compression, to.Invisible = other.Serial, other.Sequence, other.Storage, other.Compression, other.Invisible
		to.AutoIncrement = to.AutoIncrement || to.Serial
	}
	return ops.AlterColumn{Schema: g.maybe(0.2, "app"), Table: g.pick(tablePool...), Change: ops.ChangeKind(g.r.IntN(1 << 9)), From: from, To: to}
}

func (g gen) ops(n int) []ops.Op {
	var out []ops.Op
	for range n {
		schema, table := g.maybe(0.2, "app"), g.pick(tablePool...)
		names := colPool
		var o ops.Op
		switch g.r.IntN(12) {
		case 0:
			o = ops.CreateTable{Table: g.table()}
		case 1:
			o = ops.DropTable{Table: g.table()}
		case 2:
			o = ops.AddColumn{Schema: schema, Table: table, Column: g.column(g.pick(names...))}
		case 3:
			o = ops.DropColumn{Schema: schema, Table: table, Column: g.column(g.pick(names...))}
		case 4, 5:
			o = g.alter()
		case 6:
			o = ops.CreateIndex{Schema: schema, Table: table, Index: g.index(names), Concurrently: g.chance(0.3)}
		case 7:
			o = ops.DropIndex{Schema: schema, Table: table, Index: g.index(names), Concurrently: g.chance(0.3)}
		case 8:
			o = ops.AddForeignKey{Schema: schema, Table: table, ForeignKey: g.foreignKey(table, names)}
		case 9:
			o = ops.DropUnique{Schema: schema, Table: table, Unique: model.Unique{Name: "uq", Columns: g.strs(names, 3),
				NullsNotDistinct: g.chance(0.3), Deferrable: g.chance(0.3), Comment: g.maybe(0.3, "u")}}
		case 10:
			o = ops.SetTableOptions{Schema: schema, Table: table,
				From: []model.TableOption{{Name: "ENGINE", Value: g.pick("MyISAM", "")}}}
		case 11:
			o = ops.Execute{SQL: g.pick(exprPool...), DownSQL: g.maybe(0.5, "SELECT 1"), NoTransaction: g.chance(0.3)}
		}
		out = append(out, o)
	}
	return out
}
