package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// tableDiff is what one kept table contributes to steps 4, 5 and 6.
type tableDiff struct {
	dropFKs, body, addFKs []ops.Op
}

// compareTable compares a table present on both sides.
func (c *comparer) compareTable(cur, tgt *model.Table) tableDiff {
	var td tableDiff
	cur, tgt = c.filterTable(cur, tgt)
	s, n := tgt.Schema, tgt.Name

	c.compareForeignKeys(cur, tgt, &td)

	// Indexes, matched by name; a changed meaning is a drop and a create.
	var dropIx, addIx, comments []ops.Op
	ci, ti := sortedIndexes(cur.Indexes), sortedIndexes(tgt.Indexes)
	i, j := 0, 0
	for i < len(ci) || j < len(ti) {
		switch {
		case j == len(ti) || (i < len(ci) && ci[i].Name < ti[j].Name):
			dropIx = append(dropIx, ops.DropIndex{Schema: s, Table: n, Index: ci[i]})
			i++
		case i == len(ci) || ci[i].Name > ti[j].Name:
			addIx = append(addIx, ops.CreateIndex{Schema: s, Table: n, Index: ti[j]})
			j++
		default:
			if op, ok := c.indexComment(s, n, &ci[i], &ti[j]); ok {
				comments = append(comments, op)
			} else if !c.sameIndex(&ci[i], &ti[j]) {
				dropIx = append(dropIx, ops.DropIndex{Schema: s, Table: n, Index: ci[i]})
				addIx = append(addIx, ops.CreateIndex{Schema: s, Table: n, Index: ti[j]})
			}
			i++
			j++
		}
	}

	// Unique constraints, matched by column list.
	var dropUq, addUq []ops.Op
	cu, tu := matchUniques(cur.Uniques, tgt.Uniques)
	cu, tu, ucom := c.uniqueComments(s, n, cu, tu)
	comments = append(comments, ucom...)
	for _, u := range cu {
		dropUq = append(dropUq, ops.DropUnique{Schema: s, Table: n, Unique: u})
	}
	for _, u := range tu {
		addUq = append(addUq, ops.AddUnique{Schema: s, Table: n, Unique: u})
	}

	// Checks.
	var dropCk, addCk []ops.Op
	cc, tc := c.matchChecks(cur.Checks, tgt.Checks)
	cc, tc, validated := c.validatedChecks(cc, tc)
	cc, tc, ccom := c.checkComments(s, n, cc, tc)
	comments = append(comments, ccom...)
	dropX, addX, xcom := c.compareExcludes(cur, tgt)
	comments = append(comments, xcom...)
	for _, ck := range cc {
		dropCk = append(dropCk, ops.DropCheck{Schema: s, Table: n, Check: ck})
	}
	for _, ck := range tc {
		addCk = append(addCk, ops.AddCheck{Schema: s, Table: n, Check: ck})
	}
	for _, ck := range validated {
		addCk = append(addCk, ops.ValidateConstraint{Schema: s, Table: n, Check: &ck})
	}

	// Primary key, by column list and timing.
	var dropPK, addPK, keyedAI []ops.Op
	pkChanged := !slices.Equal(cur.PrimaryKey.Columns, tgt.PrimaryKey.Columns) ||
		cur.PrimaryKey.Deferrable != tgt.PrimaryKey.Deferrable || cur.PrimaryKey.InitiallyDeferred != tgt.PrimaryKey.InitiallyDeferred ||
		cur.PrimaryKey.OnConflict != tgt.PrimaryKey.OnConflict || !slices.EqualFunc(cur.PrimaryKey.Desc, tgt.PrimaryKey.Desc, strings.EqualFold)
	keysChange := pkChanged || len(dropIx) > 0
	if keysChange {
		cur, keyedAI = c.unkeyAutoIncrement(cur, tgt, pkChanged, dropIx)
	}
	if !pkChanged && len(tgt.PrimaryKey.Columns) > 0 && cur.PrimaryKey.Comment != tgt.PrimaryKey.Comment {
		comments = append(comments, primaryKeyComment(s, n, cur.PrimaryKey, tgt.PrimaryKey))
	}
	if pkChanged {
		if len(cur.PrimaryKey.Columns) > 0 {
			dropPK = append(dropPK, ops.DropPrimaryKey{Schema: s, Table: n, PrimaryKey: cur.PrimaryKey})
		}
		if len(tgt.PrimaryKey.Columns) > 0 {
			addPK = append(addPK, ops.AddPrimaryKey{Schema: s, Table: n, PrimaryKey: tgt.PrimaryKey})
		}
	}

	// An option naming an index that goes is let go first; the options
	// are then compared from there.
	optCur := cur
	if _, named := c.splitIndexOptions(cur.Options, droppedIndexNames(dropIx, dropUq, dropPK)); named != nil {
		td.body = append(td.body, c.releaseIndexOptions(cur, named))
		optCur = withOptionValues(cur, c.released(named))
	}

	c.inTargetOrder(tgt, addIx)
	c.inTargetOrder(tgt, addCk)
	td.body = append(td.body, keyedAI...)
	td.body = append(td.body, dropIx...)
	td.body = append(td.body, dropUq...)
	td.body = append(td.body, dropCk...)
	td.body = append(td.body, dropX...)
	td.body = append(td.body, dropPK...)
	var late []ops.Op
	td.body, late = c.compareColumns(cur, tgt, td.body, keysChange)
	td.body = append(td.body, addPK...)
	td.body = append(td.body, addUq...)
	td.body = append(td.body, addIx...)
	td.body = append(td.body, late...)
	td.body = append(td.body, addCk...)
	td.body = append(td.body, addX...)
	td.body = append(td.body, comments...)

	if cur.Comment != tgt.Comment {
		td.body = append(td.body, ops.SetTableComment{Schema: s, Table: n, From: cur.Comment, To: tgt.Comment})
	}
	if from, to := c.compareOptions(optCur, tgt); len(to) > 0 {
		td.body = append(td.body, ops.SetTableOptions{Schema: s, Table: n, From: from, To: to})
	}
	return td
}

// compareColumns appends AddColumn (target order), AlterColumn (target
// order) and DropColumn (reverse current order) ops. On a dialect that
// places columns ([dialect.ColumnPlacer]) an added column that does not go
// last gets its position, and a dropped one keeps its own for the reverse;
// on one that recreates generated columns ([dialect.GeneratedRecreator]) a
// changed generated column is dropped and added again at its place. When
// a key changes (the primary key, or an index is dropped) on a dialect
// whose AUTO_INCREMENT needs a key ([dialect.KeyedAutoIncrement]), the
// changes that give a column
// AUTO_INCREMENT are returned apart (late), to follow the new keys.
func (c *comparer) compareColumns(cur, tgt *model.Table, out []ops.Op, keysChange bool) (_, late []ops.Op) {
	s, n := tgt.Schema, tgt.Name
	find := columnFinder(cur.Columns)
	matched := make([]bool, len(cur.Columns))
	placer, _ := c.d.(dialect.ColumnPlacer)
	places := placer != nil && placer.PlacesColumns()
	recreator, _ := c.d.(dialect.GeneratedRecreator)
	recreates := recreator != nil && recreator.RecreatesGenerated()
	keyed, _ := c.d.(dialect.KeyedAutoIncrement)
	keyedAI := keysChange && keyed != nil && keyed.AutoIncrementNeedsKey()
	// last is the index of the last target column the table already has:
	// a column added before it must be placed.
	last := -1
	for k := range tgt.Columns {
		if find(tgt.Columns[k].Name) >= 0 {
			last = k
		}
	}
	targetPosition := func(k int) ops.ColumnPosition {
		if k == 0 {
			return ops.ColumnPosition{First: true}
		}
		return ops.ColumnPosition{After: tgt.Columns[k-1].Name}
	}
	currentPosition := func(i int) ops.ColumnPosition {
		switch {
		case !places || i == len(cur.Columns)-1:
			return ops.ColumnPosition{}
		case i == 0:
			return ops.ColumnPosition{First: true}
		}
		return ops.ColumnPosition{After: cur.Columns[i-1].Name}
	}
	// First pass: match each target column and classify its change.
	type match struct {
		i      int // current index, -1 for an added column
		change ops.ChangeKind
		canon  model.Column
	}
	matches := make([]match, len(tgt.Columns))
	// recreated maps the current index of a column that is dropped and
	// added again to its target index.
	recreated := map[int]int{}
	for k := range tgt.Columns {
		to := &tgt.Columns[k]
		i := find(to.Name)
		matches[k] = match{i: i}
		if i < 0 {
			continue
		}
		matched[i] = true
		change, canon := c.compareColumn(CompareContext{Schema: s, Table: n, Dialect: c.d}, &cur.Columns[i], to)
		matches[k].change, matches[k].canon = change, canon
		if recreates && places && change.Has(ops.ChangeGenerated) {
			recreated[i] = k
		}
	}
	var alters []ops.Op
	if recreates && places {
		targets := map[int]int{}
		for k, m := range matches {
			if m.i >= 0 {
				targets[m.i] = k
			}
		}
		alters = c.recreateDependents(cur, targets, recreated, currentPosition)
	}
	// On a dialect that cannot place columns (PostgreSQL), a generated
	// column that references a column whose type changes is in the way
	// ("cannot alter type of a column used by a generated column"): it is
	// dropped before the change and added again after it (its values are
	// computed; it goes to the end of the table), or, when the target
	// makes it a plain column, changed first.
	var readd []ops.Op
	dependent := map[int]bool{}
	if !places {
		var typed []int
		for _, m := range matches {
			if m.i >= 0 && m.change.Has(ops.ChangeType) {
				typed = append(typed, m.i)
			}
		}
		for k, m := range matches {
			if len(typed) == 0 || m.i < 0 || cur.Columns[m.i].Generated.Expr == "" {
				continue
			}
			refs := c.referencedColumns(cur.Columns[m.i].Generated.Expr, cur.Columns, m.i)
			if !slices.ContainsFunc(refs, func(r int) bool { return slices.Contains(typed, r) }) {
				continue
			}
			dependent[m.i] = true
			if tgt.Columns[k].Generated.Expr == "" {
				alters = append(alters, ops.AlterColumn{Schema: s, Table: n, Change: m.change, From: cur.Columns[m.i], To: m.canon})
				continue
			}
			canon := m.canon
			if m.change == 0 {
				canon = tgt.Columns[k]
			}
			alters = append(alters, ops.DropColumn{Schema: s, Table: n, Column: cur.Columns[m.i], Position: currentPosition(m.i)})
			readd = append(readd, ops.AddColumn{Schema: s, Table: n, Column: canon})
		}
	}
	for k := range tgt.Columns {
		to := &tgt.Columns[k]
		m := matches[k]
		if m.i < 0 {
			add := ops.AddColumn{Schema: s, Table: n, Column: *to}
			if places && k < last {
				add.Position = targetPosition(k)
			}
			out = append(out, add)
			continue
		}
		if dependent[m.i] {
			continue
		}
		if _, ok := recreated[m.i]; ok {
			// Both ways: MariaDB refuses MODIFY of a generated column into a
			// plain one too ("not yet supported for generated columns").
			canon := m.canon
			if m.change == 0 {
				canon = *to
			}
			alters = append(alters, ops.AddColumn{Schema: s, Table: n, Column: canon, Position: targetPosition(k)})
			continue
		}
		switch {
		case m.change == 0:
		case keyedAI && m.canon.AutoIncrement && !cur.Columns[m.i].AutoIncrement:
			late = append(late, ops.AlterColumn{Schema: s, Table: n, Change: m.change, From: cur.Columns[m.i], To: m.canon})
		default:
			alters = append(alters, ops.AlterColumn{Schema: s, Table: n, Change: m.change, From: cur.Columns[m.i], To: m.canon})
		}
	}
	out = append(out, alters...)
	out = append(out, readd...)
	for i := len(cur.Columns) - 1; i >= 0; i-- {
		if !matched[i] {
			out = append(out, ops.DropColumn{Schema: s, Table: n, Column: cur.Columns[i], Position: currentPosition(i)})
		}
	}
	return out, late
}

// recreateDependents completes recreated (current index to target index
// of each column dropped and added again) with every kept generated
// column whose expression references a column that is recreated or
// dropped (targets maps the current index of each kept column to its
// target index): MariaDB refuses to drop a column a generated column
// still references, so the dependent goes before it and comes back after
// it, even when its own definition is unchanged. It returns the drops of
// the recreated columns, dependents before the columns they reference.
func (c *comparer) recreateDependents(cur *model.Table, targets, recreated map[int]int, pos func(int) ops.ColumnPosition) []ops.Op {
	if len(recreated) == 0 && len(targets) == len(cur.Columns) {
		return nil
	}
	refs := make([][]int, len(cur.Columns))
	for j := range cur.Columns {
		if e := cur.Columns[j].Generated.Expr; e != "" {
			refs[j] = c.referencedColumns(e, cur.Columns, j)
		}
	}
	gone := func(i int) bool {
		_, kept := targets[i]
		_, again := recreated[i]
		return !kept || again
	}
	for grew := true; grew; {
		grew = false
		for j := range cur.Columns {
			if gone(j) {
				continue
			}
			if slices.ContainsFunc(refs[j], gone) {
				recreated[j] = targets[j]
				grew = true
			}
		}
	}
	var out []ops.Op
	left := make([]int, 0, len(recreated))
	for i := range recreated {
		left = append(left, i)
	}
	slices.Sort(left)
	for len(left) > 0 {
		// The last column no other remaining one references goes first; a
		// cycle (which the server would not hold) falls back to the last.
		pick := len(left) - 1
		for p := len(left) - 1; p >= 0; p-- {
			used := false
			for _, o := range left {
				if o != left[p] && slices.Contains(refs[o], left[p]) {
					used = true
					break
				}
			}
			if !used {
				pick = p
				break
			}
		}
		i := left[pick]
		left = slices.Delete(left, pick, pick+1)
		out = append(out, ops.DropColumn{Schema: cur.Schema, Table: cur.Name, Column: cur.Columns[i], Position: pos(i)})
	}
	return out
}

// referencedColumns returns the indexes of the columns of cols (other
// than self) that expr names, lexed by the dialect's rules. Names compare
// without regard to case where the dialect folds column names (MariaDB);
// elsewhere a quoted name compares as written and an unquoted one in
// lower case (PostgreSQL folds it so). A word that only spells a column's
// name (a function's) counts too: the column is then recreated for
// nothing, never left in the way.
func (c *comparer) referencedColumns(expr string, cols []model.Column, self int) []int {
	fold := false
	if f, ok := c.d.(dialect.NameFolder); ok {
		fold = f.FoldedNames().Columns
	}
	var out []int
	for _, n := range dialect.ExprNames(c.d, expr) {
		name := n.Name
		if !n.Quoted && !fold {
			name = strings.ToLower(name)
		}
		for i := range cols {
			same := cols[i].Name == name || fold && strings.EqualFold(cols[i].Name, name)
			if i != self && same && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

// unkeyAutoIncrement handles a key change on a dialect whose
// AUTO_INCREMENT needs a key ([dialect.KeyedAutoIncrement]): each current
// column with AUTO_INCREMENT that the target keeps and that is in the
// primary key being replaced (pkChanged) or leads an index being dropped
// loses AUTO_INCREMENT before any key goes (it is given back, if the
// target wants it, after the new keys are in place). It returns those
// changes and the current table as it is after them.
func (c *comparer) unkeyAutoIncrement(cur, tgt *model.Table, pkChanged bool, dropIx []ops.Op) (*model.Table, []ops.Op) {
	keyed, ok := c.d.(dialect.KeyedAutoIncrement)
	if !ok || !keyed.AutoIncrementNeedsKey() {
		return cur, nil
	}
	losesKey := func(name string) bool {
		if pkChanged && slices.Contains(cur.PrimaryKey.Columns, name) {
			return true
		}
		for _, op := range dropIx {
			if d, ok := op.(ops.DropIndex); ok && len(d.Index.Parts) > 0 && d.Index.Parts[0].Column == name {
				return true
			}
		}
		return false
	}
	var out []ops.Op
	var changed *model.Table
	for i := range cur.Columns {
		name := cur.Columns[i].Name
		if !cur.Columns[i].AutoIncrement || !losesKey(name) {
			continue
		}
		if _, kept := tgt.Column(name); !kept {
			continue
		}
		if changed == nil {
			t := cur.Clone()
			changed = &t
		}
		to := changed.Columns[i]
		to.AutoIncrement = false
		out = append(out, ops.AlterColumn{Schema: tgt.Schema, Table: tgt.Name, Change: ops.ChangeAutoIncrement, From: changed.Columns[i], To: to})
		changed.Columns[i] = to
	}
	if changed == nil {
		return cur, nil
	}
	return changed, out
}

// columnFinder returns a lookup of a column's position by name: a scan for
// small tables, a map for wide ones.
func columnFinder(cols []model.Column) func(string) int {
	if len(cols) <= 16 {
		return func(name string) int {
			for i := range cols {
				if cols[i].Name == name {
					return i
				}
			}
			return -1
		}
	}
	m := make(map[string]int, len(cols))
	for i := range cols {
		m[cols[i].Name] = i
	}
	return func(name string) int {
		if i, ok := m[name]; ok {
			return i
		}
		return -1
	}
}

// compareOptions compares the table options the target names, and, on a
// dialect that can reset them ([dialect.OptionResetter]), the resettable
// options the current table has and the target does not name; From holds
// the current values of the options that differ (when set), To the
// target's (or the reset value).
func (c *comparer) compareOptions(cur, tgt *model.Table) (from, to []model.TableOption) {
	opts := slices.Clone(tgt.Options)
	slices.SortStableFunc(opts, func(a, b model.TableOption) int {
		return strings.Compare(strings.ToUpper(a.Name), strings.ToUpper(b.Name))
	})
	for _, o := range opts {
		v, ok := cur.Option(o.Name)
		if (ok && strings.EqualFold(v, o.Value)) || (!ok && o.Value == "") {
			// An empty value is the option unset, as a missing one.
			continue
		}
		to = append(to, o)
		if ok {
			from = append(from, model.TableOption{Name: o.Name, Value: v})
		}
	}
	if r, ok := c.d.(dialect.OptionResetter); ok {
		for _, o := range cur.Options {
			if _, named := tgt.Option(o.Name); named {
				continue
			}
			if reset, ok := r.ResetTableOption(o.Name); ok && !strings.EqualFold(reset, o.Value) {
				to = append(to, model.TableOption{Name: o.Name, Value: reset})
				from = append(from, o)
			}
		}
	}
	return from, to
}

// compareForeignKeys matches foreign keys by columns and referenced table
// and columns. Removed and changed ones are dropped in step 4 and (re)added
// in step 6; so are unchanged ones whose referenced key changes in step 5,
// or whose columns or referenced columns change type there.
func (c *comparer) compareForeignKeys(cur, tgt *model.Table, td *tableDiff) {
	s, n := tgt.Schema, tgt.Name
	cf, tf := sortedForeignKeys(cur), sortedForeignKeys(tgt)
	used := make([]bool, len(cf))
	for _, want := range tf {
		i := -1
		for k := range cf {
			if !used[k] && sameReference(cur, &cf[k], tgt, &want) {
				i = k
				break
			}
		}
		if i < 0 {
			td.addFKs = append(td.addFKs, ops.AddForeignKey{Schema: s, Table: n, ForeignKey: want})
			continue
		}
		used[i] = true
		have := &cf[i]
		// A name is compared when the target gives one of its own: the
		// conventional fk_<table>_<cols>_<ref> is what the model loader
		// makes up for a key the model does not name.
		renamed := have.Name != "" && want.Name != "" && have.Name != want.Name &&
			want.Name != model.ForeignKeyName(tgt.Name, want.Columns, want.RefTable)
		if validates(have, &want) && !renamed && !c.typeChanges(cur, tgt, want.Columns) && c.keyStable(refKey(tgt, &want), want.RefColumns) {
			fk := *have
			td.addFKs = append(td.addFKs, ops.ValidateConstraint{Schema: s, Table: n, ForeignKey: &fk})
			continue
		}
		changed := renamed || have.OnDelete != want.OnDelete || have.OnUpdate != want.OnUpdate ||
			have.Deferrable != want.Deferrable || have.InitiallyDeferred != want.InitiallyDeferred ||
			have.MatchFull != want.MatchFull || have.NotValid != want.NotValid ||
			c.typeChanges(cur, tgt, want.Columns) || !c.keyStable(refKey(tgt, &want), want.RefColumns)
		if !changed && have.Comment != want.Comment && have.Name != "" && c.commentsInPlace() {
			td.addFKs = append(td.addFKs, constraintComment(s, n, have.Name, have.Comment, want.Comment))
			continue
		}
		if changed || have.Comment != want.Comment {
			td.dropFKs = append(td.dropFKs, ops.DropForeignKey{Schema: s, Table: n, ForeignKey: *have})
			td.addFKs = append(td.addFKs, ops.AddForeignKey{Schema: s, Table: n, ForeignKey: want})
		}
	}
	var drops []ops.Op
	for k := range cf {
		if !used[k] {
			drops = append(drops, ops.DropForeignKey{Schema: s, Table: n, ForeignKey: cf[k]})
		}
	}
	// Keep drops in name order: removed ones interleave with changed ones.
	td.dropFKs = append(td.dropFKs, drops...)
	slices.SortStableFunc(td.dropFKs, func(a, b ops.Op) int {
		return compareForeignKey(a.(ops.DropForeignKey).ForeignKey, b.(ops.DropForeignKey).ForeignKey)
	})
}

// sameReference reports whether foreign key a of table ta and b of tb match:
// same columns, referenced table (an empty RefSchema meaning the table's
// own schema) and referenced columns.
func sameReference(ta *model.Table, a *model.ForeignKey, tb *model.Table, b *model.ForeignKey) bool {
	return slices.Equal(a.Columns, b.Columns) && refKey(ta, a) == refKey(tb, b) && slices.Equal(a.RefColumns, b.RefColumns)
}

// matchUniques matches unique constraints by column list and returns the
// unmatched ones of each side.
func matchUniques(cur, tgt []model.Unique) (drop, add []model.Unique) {
	cu, tu := sorted(cur, compareUnique), sorted(tgt, compareUnique)
	used := make([]bool, len(cu))
	for _, want := range tu {
		found := false
		for k := range cu {
			if !used[k] && sameUnique(&cu[k], &want) {
				used[k], found = true, true
				break
			}
		}
		if !found {
			add = append(add, want)
		}
	}
	for k := range cu {
		if !used[k] {
			drop = append(drop, cu[k])
		}
	}
	return drop, add
}

// sameUnique reports whether two unique constraints mean the same: same
// columns, NULL treatment, timing and comment.
func sameUnique(a, b *model.Unique) bool {
	return slices.Equal(a.Columns, b.Columns) && a.NullsNotDistinct == b.NullsNotDistinct &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred && a.Comment == b.Comment &&
		a.OnConflict == b.OnConflict
}

// sameCheckExtras reports whether two checks agree beyond their expression
// (NO INHERIT, NOT VALID, comment).
func sameCheckExtras(a, b *model.Check) bool {
	return a.NoInherit == b.NoInherit && a.NotValid == b.NotValid && a.Comment == b.Comment && a.Column == b.Column
}

// matchChecks matches checks by name when both have one, then the rest by
// normalised expression when either has no name; a named pair whose
// expressions differ is dropped and added. It returns the checks to drop and
// to add, each in name order.
func (c *comparer) matchChecks(cur, tgt []model.Check) (drop, add []model.Check) {
	cc, tc := sorted(cur, compareCheck), sorted(tgt, compareCheck)
	curDone := make([]bool, len(cc))
	tgtDone := make([]bool, len(tc))
	for j := range tc {
		if tc[j].Name == "" {
			continue
		}
		for i := range cc {
			if !curDone[i] && cc[i].Name == tc[j].Name {
				curDone[i], tgtDone[j] = true, true
				if !c.sameExpr(cc[i].Expr, tc[j].Expr) || !sameCheckExtras(&cc[i], &tc[j]) {
					drop = append(drop, cc[i])
					add = append(add, tc[j])
				}
				break
			}
		}
	}
	for j := range tc {
		if tgtDone[j] {
			continue
		}
		for i := range cc {
			if !curDone[i] && (cc[i].Name == "" || tc[j].Name == "") && c.sameExpr(cc[i].Expr, tc[j].Expr) && sameCheckExtras(&cc[i], &tc[j]) {
				curDone[i], tgtDone[j] = true, true
				break
			}
		}
	}
	for i := range cc {
		if !curDone[i] {
			drop = append(drop, cc[i])
		}
	}
	for j := range tc {
		if !tgtDone[j] {
			add = append(add, tc[j])
		}
	}
	sortChecks(drop)
	sortChecks(add)
	return drop, add
}

// sameIndex reports whether two indexes of the same name mean the same.
func (c *comparer) sameIndex(a, b *model.Index) bool {
	if a.Unique != b.Unique || len(a.Parts) != len(b.Parts) || a.Comment != b.Comment || a.Invisible != b.Invisible ||
		!c.sameMethod(a, b) || !slices.Equal(a.Include, b.Include) ||
		!c.sameExpr(a.Where, b.Where) || a.NullsNotDistinct != b.NullsNotDistinct ||
		a.StorageParams != b.StorageParams {
		return false
	}
	for k := range a.Parts {
		p, q := &a.Parts[k], &b.Parts[k]
		if p.Column != q.Column || p.Desc != q.Desc || p.Length != q.Length || !c.sameExpr(p.Expr, q.Expr) ||
			!strings.EqualFold(p.Collation, q.Collation) || !strings.EqualFold(p.Opclass, q.Opclass) || p.Nulls != q.Nulls {
			return false
		}
	}
	return true
}

// normExpr normalises an expression; no expression stays empty.
func (c *comparer) normExpr(e string) string {
	if strings.TrimSpace(e) == "" {
		return ""
	}
	return c.d.NormalizeExpr(e)
}

// sameExpr reports whether two expressions are the same once normalised;
// equal text needs no normalising.
func (c *comparer) sameExpr(a, b string) bool {
	return a == b || c.normExpr(a) == c.normExpr(b)
}
