package safety

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Kind is what a finding warns about.
type Kind int

// Finding kinds.
const (
	// DataLoss: the op destroys data. `retort upgrade` refuses a revision
	// with such findings until they are marked reviewed.
	DataLoss Kind = iota + 1
	// FailsOnRows: the op fails if existing rows break its new rule.
	FailsOnRows
	// Lock: the op blocks reads or writes of the table while it works.
	Lock
	// Rebuild: SQLite copies the whole table into a new one to apply the op.
	Rebuild
)

var kindNames = [...]string{"", "data-loss", "fails-on-rows", "lock", "rebuild"}
var kindTitles = [...]string{"", "data loss", "fails on existing rows", "lock", "rebuild"}

// String returns the kind's stable identifier: "data-loss",
// "fails-on-rows", "lock" or "rebuild". It is what a revision's Reviewed
// field lists and what `retort check --format json` prints.
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Title returns the kind in words for comments and messages: "data loss",
// "fails on existing rows", "lock", "rebuild".
func (k Kind) Title() string {
	if k > 0 && int(k) < len(kindTitles) {
		return kindTitles[k]
	}
	return "unknown"
}

// ParseKind reads a kind's identifier (see [Kind.String]).
func ParseKind(s string) (Kind, bool) {
	for k := DataLoss; k <= Rebuild; k++ {
		if strings.EqualFold(strings.TrimSpace(s), k.String()) {
			return k, true
		}
	}
	return 0, false
}

// Severity ranks findings.
type Severity int

// Severities, least first.
const (
	// Info: worth knowing, rarely a problem (a rebuild of a small table).
	Info Severity = iota + 1
	// Warning: can fail or stall production; check the table first.
	Warning
	// Danger: destroys data.
	Danger
)

var severityNames = [...]string{"", "info", "warning", "danger"}

// String returns "info", "warning" or "danger".
func (s Severity) String() string {
	if s > 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "unknown"
}

// Finding is one thing to know about one op.
type Finding struct {
	// Op is the index of the op in the analysed list.
	Op int
	// Kind is what the finding warns about.
	Kind Kind
	// Severity ranks it.
	Severity Severity
	// Object names what the op touches: "users", "users.bio",
	// "users.ix_users_email".
	Object string
	// Message says what happens, in words: "drops column users.bio (text
	// NULL) and every value in it". [Count] appends row counts to it.
	Message string
	// Rows is the number of rows [Count] found affected; -1 when not counted.
	Rows int64
}

// Comment returns the finding as the one-line comment written above its op
// in a revision file, without the "//": "retort: data loss: drops column
// users.bio (text NULL) and every value in it".
func (f Finding) Comment() string {
	return "retort: " + f.Kind.Title() + ": " + f.Message
}

// Options shape the analysis. The zero value works: every op is analysed
// on its own, and tables not created by the list are taken to exist and to
// hold rows.
type Options struct {
	// Current is the schema the ops start from, when known. With it the
	// analysis names the indexes a SQLite rebuild recreates and tells when
	// dropping a column forces a rebuild.
	Current *model.Schema
	// Ignore lists kinds not to report.
	Ignore []Kind
}

// Analyze returns the findings of list on the dialect d, in op order, and
// within one op in the order DataLoss, FailsOnRows, Lock, Rebuild.
// A table created earlier in the same list is taken to be empty: adding a
// NOT NULL column to it, or indexing it, is not reported.
func Analyze(list []ops.Op, d dialect.Dialect, opts Options) []Finding {
	a := &analysis{d: d, opts: opts, list: list, created: map[string]bool{},
		enums: dialect.CollectEnums(opts.Current, list), losses: map[int][]ops.Loss{}}
	for _, l := range dialect.DataLoss(d, list, dialect.LossOptions{Current: opts.Current}) {
		a.losses[l.Op] = append(a.losses[l.Op], l)
	}
	a.loadTables()
	var out []Finding
	for i, op := range list {
		a.at = i
		for _, f := range a.op(op) {
			if ignored(opts.Ignore, f.Kind) {
				continue
			}
			f.Op = i
			f.Rows = -1
			out = append(out, f)
		}
		a.track(op)
	}
	return out
}

// Of returns the findings about op i.
func Of(findings []Finding, i int) []Finding {
	var out []Finding
	for _, f := range findings {
		if f.Op == i {
			out = append(out, f)
		}
	}
	return out
}

// Has reports whether findings hold one of kind k.
func Has(findings []Finding, k Kind) bool {
	for _, f := range findings {
		if f.Kind == k {
			return true
		}
	}
	return false
}

// Comments returns, per op index, the comment lines of its findings (see
// [Finding.Comment]), for render.Revision.
func Comments(findings []Finding) map[int][]string {
	if len(findings) == 0 {
		return nil
	}
	out := map[int][]string{}
	for _, f := range findings {
		out[f.Op] = append(out[f.Op], f.Comment())
	}
	return out
}

func ignored(list []Kind, k Kind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

// analysis is the state of one Analyze call.
type analysis struct {
	d    dialect.Dialect
	opts Options
	// list is the op list analysed.
	list []ops.Op
	// created holds the tables created earlier in the list (qualified names).
	created map[string]bool
	// enums holds enum values by qualified name, from the list and Current.
	enums dialect.EnumValues
	// losses are the data-loss findings of the list (dialect.DataLoss), by
	// op index; at is the index of the op being analysed.
	losses map[int][]ops.Loss
	at     int
	// tables holds the tables of Current as the ops so far changed them.
	tables map[string]*model.Table
}

// dataLoss returns the data-loss findings of the op being analysed: the
// classification the runner's gate refuses (dialect.DataLoss).
func (a *analysis) dataLoss() []Finding {
	var out []Finding
	for _, l := range a.losses[a.at] {
		out = append(out, Finding{Kind: DataLoss, Severity: Danger, Object: l.Object, Message: l.Message})
	}
	return out
}

// track records what op changes for the ops after it.
func (a *analysis) track(op ops.Op) {
	switch o := op.(type) {
	case ops.CreateTable:
		a.created[qualify(o.Table.Schema, o.Table.Name)] = true
	case ops.RenameTable:
		if a.created[qualify(o.Schema, o.From)] {
			a.created[qualify(o.Schema, o.To)] = true
		}
		if t, ok := a.tables[qualify(o.Schema, o.From)]; ok {
			delete(a.tables, qualify(o.Schema, o.From))
			a.tables[qualify(o.Schema, o.To)] = t
		}
	case ops.DropTable:
		delete(a.tables, qualify(o.Table.Schema, o.Table.Name))
	case ops.CreateIndex:
		if t, ok := a.tables[qualify(o.Schema, o.Table)]; ok {
			t.Indexes = append(t.Indexes, o.Index)
		}
	case ops.DropIndex:
		if t, ok := a.tables[qualify(o.Schema, o.Table)]; ok {
			t.Indexes = slices.DeleteFunc(t.Indexes, func(ix model.Index) bool { return ix.Name == o.Index.Name })
		}
	case ops.DropUnique:
		if t, ok := a.tables[qualify(o.Schema, o.Table)]; ok {
			t.Uniques = slices.DeleteFunc(t.Uniques, func(u model.Unique) bool { return slices.Equal(u.Columns, o.Unique.Columns) })
		}
	case ops.DropForeignKey:
		if t, ok := a.tables[qualify(o.Schema, o.Table)]; ok {
			t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(fk model.ForeignKey) bool { return slices.Equal(fk.Columns, o.ForeignKey.Columns) })
		}
	case ops.DropCheck:
		if t, ok := a.tables[qualify(o.Schema, o.Table)]; ok {
			t.Checks = slices.DeleteFunc(t.Checks, func(c model.Check) bool { return c.Name == o.Check.Name })
		}
	}
}

// isNew reports whether the table was created earlier in the list.
func (a *analysis) isNew(schema, table string) bool { return a.created[qualify(schema, table)] }

// table returns the definition of a table as the ops so far left it,
// when Options.Current has it.
func (a *analysis) table(schema, name string) (model.Table, bool) {
	t, ok := a.tables[qualify(schema, name)]
	if !ok {
		return model.Table{}, false
	}
	return *t, true
}

// loadTables copies the tables of Options.Current.
func (a *analysis) loadTables() {
	a.tables = map[string]*model.Table{}
	if a.opts.Current == nil {
		return
	}
	for _, t := range a.opts.Current.Tables {
		c := t
		c.Indexes = slices.Clone(t.Indexes)
		c.Uniques = slices.Clone(t.Uniques)
		c.ForeignKeys = slices.Clone(t.ForeignKeys)
		c.Checks = slices.Clone(t.Checks)
		a.tables[qualify(t.Schema, t.Name)] = &c
	}
}

func qualify(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}
