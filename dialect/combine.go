package dialect

import (
	"context"
	"strings"

	"github.com/retortdb/retort/ops"
)

// AlterCombiner is implemented by dialects on which each ALTER TABLE may
// rebuild (copy) the whole table, MySQL and MariaDB, so that consecutive
// ALTERs of one table are better sent as one statement. Such a dialect
// sets [Statement].AlterTable and Clause on the statements that may merge;
// [PlanGroup] merges them where CanCombine allows.
type AlterCombiner interface {
	// CanCombine reports whether op may join the ALTER TABLE that pending
	// (one or more ops, in order, whose statements all alter one table)
	// make: the server accepts op's clauses after theirs in one statement
	// with the effect of running them one by one, and op's statements,
	// planned from the live table as it was before pending ran, are those
	// it would get after pending ran. It is called before op is planned.
	CanCombine(pending []ops.Op, op ops.Op) bool
}

// RebuildCombiner is implemented by dialects that carry out many ops by
// rebuilding the table (SQLite: create the new definition, copy the rows,
// drop the old table, rename), so that consecutive ops on one table are
// better carried out by one rebuild than by one each.
type RebuildCombiner interface {
	// PlanRebuild plans ops from list[i] on as one rebuild of op i's table
	// when more than one consecutive op can share it: n (at least 2) is
	// how many ops the rebuild applies, in order, and stmts carry them
	// out, planned from tables as they are before op i. ok is false when
	// op i is better planned alone ([Dialect.Statements]).
	PlanRebuild(ctx context.Context, list []ops.Op, i int, tables TableSource) (n int, stmts []Statement, ok bool, err error)
}

// AlterKeeper is implemented by dialects whose server changes, on every
// ALTER TABLE of a table, something of the table that the statement does
// not name (MariaDB turns a unique key written USING HASH on short columns
// into an ordinary unique key): [PlanGroup] gives it each group's
// statements to add, to every ALTER TABLE of the group's table, the
// clauses that keep the table as it was in what the group does not change.
type AlterKeeper interface {
	// KeepAlters returns stmts, the statements that carry out group (ops
	// of one table, in order), with the clauses that keep what their
	// ALTER TABLEs would otherwise change, planned from tables as they
	// are before the group runs.
	KeepAlters(ctx context.Context, group []ops.Op, stmts []Statement, tables TableSource) ([]Statement, error)
}

// CombineAlters merges statements that all alter one table (AlterTable
// set and equal) into one ALTER TABLE carrying their clauses in order. ok
// is false when stmts is empty or one of them is not such an ALTER. A
// single statement is returned as it is.
func CombineAlters(stmts []Statement) (Statement, bool) {
	if len(stmts) == 0 {
		return Statement{}, false
	}
	table := stmts[0].AlterTable
	clauses := make([]string, 0, len(stmts))
	for _, s := range stmts {
		if !alterOf(s, table) {
			return Statement{}, false
		}
		clauses = append(clauses, s.Clause)
	}
	if len(stmts) == 1 {
		return stmts[0], true
	}
	clause := strings.Join(clauses, ", ")
	return Statement{SQL: "ALTER TABLE " + table + " " + clause, AlterTable: table, Clause: clause}, true
}

// alterOf reports whether s is a mergeable ALTER of table.
func alterOf(s Statement, table string) bool {
	return table != "" && s.AlterTable == table && s.Clause != "" && !s.NoTransaction
}

// PlanGroup plans the ops of list from index i on and returns the first
// group: n ops (at least 1) and the statements that apply them. When d
// implements [RebuildCombiner] and rebuilds op i's table for it and the
// ops after it, they are the group. When d implements [AlterCombiner] and op i gives ALTERs of one table, the ops
// after it that CanCombine admits and that give ALTERs of the same table
// join it, and the group's statements merge into one ALTER TABLE; else the
// group is op i alone with its own statements. An error is op i's: an op
// after it that fails to plan ends the group (it is planned again, and
// fails, as the start of the next one).
//
// When d implements [AlterKeeper], the group's statements go through
// KeepAlters last (not a [RebuildCombiner]'s rebuild).
//
// Ops are planned from tables as they are when PlanGroup is called: a
// runner applies the group before it plans the next, so that every op
// sees the live tables after the groups before it.
func PlanGroup(ctx context.Context, d Dialect, list []ops.Op, i int, tables TableSource) (n int, stmts []Statement, err error) {
	if rc, ok := d.(RebuildCombiner); ok {
		if n, stmts, ok, err := rc.PlanRebuild(ctx, list, i, tables); err != nil || ok {
			return max(n, 1), stmts, err
		}
	}
	n, stmts, err = planAlters(ctx, d, list, i, tables)
	if err != nil {
		return n, nil, err
	}
	if k, ok := d.(AlterKeeper); ok {
		stmts, err = k.KeepAlters(ctx, list[i:i+n], stmts, tables)
	}
	return n, stmts, err
}

// planAlters is PlanGroup without the rebuild and KeepAlters: op i, with
// the ops after it whose ALTERs merge with its own.
func planAlters(ctx context.Context, d Dialect, list []ops.Op, i int, tables TableSource) (n int, stmts []Statement, err error) {
	first, err := d.Statements(ctx, list[i], tables)
	if err != nil {
		return 1, nil, err
	}
	c, ok := d.(AlterCombiner)
	if !ok {
		return 1, first, nil
	}
	merged, ok := CombineAlters(first)
	if !ok {
		return 1, first, nil
	}
	all := first
	n = 1
	for j := i + 1; j < len(list) && c.CanCombine(list[i:j], list[j]); j++ {
		next, err := d.Statements(ctx, list[j], tables)
		if err != nil || len(next) == 0 {
			break
		}
		m, ok := CombineAlters(append(all[:len(all):len(all)], next...))
		if !ok {
			break
		}
		all, merged, n = append(all[:len(all):len(all)], next...), m, n+1
	}
	if n == 1 {
		return 1, first, nil
	}
	return n, []Statement{merged}, nil
}
