package migrate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Resolve turns a target, as `retort upgrade`/`downgrade`/`stamp` take it,
// into revision ids (none for base). current is what the version table
// holds; only relative targets read it. The forms, as Alembic reads them:
//
//   - "head": the one head; [ErrMultipleHeads] when there are several.
//   - "heads": every head.
//   - "base": no revision (before the first).
//   - a full id, a branch label (the revision that declares it), or a
//     unique id prefix; an ambiguous prefix is [ErrAmbiguousRevision]
//     listing the candidates, no match [ErrUnknownRevision].
//   - "+N" / "-N": N steps up or down from the current revision (which
//     must be a single one; from base, "+1" is the first revision).
//   - "REV+N" / "REV-N": N steps from REV (any form above but relative).
//   - "LABEL@head": the head of the branch LABEL starts ("REV@head" too).
//   - "LABEL@+N" / "LABEL@-N": N steps from the database's current
//     revision on that branch.
//
// A step up that meets a branch point, or a step down that meets a merge,
// is ambiguous and fails naming the choices.
func (g *Graph) Resolve(target string, current []string) ([]string, error) {
	ps, err := g.resolve(strings.TrimSpace(target), current)
	if err != nil {
		return nil, err
	}
	return g.idsOf(ps), nil
}

func (g *Graph) resolve(t string, current []string) ([]int, error) {
	switch t {
	case "":
		return nil, fmt.Errorf("%w: empty target; give head, heads, base, a revision id, +N or -N", ErrUnknownRevision)
	case "heads":
		return g.heads, nil
	case "base":
		return nil, nil
	}
	if branch, rest, ok := strings.Cut(t, "@"); ok {
		return g.resolveBranch(t, branch, rest, current)
	}
	if n, sign, ok := relative(t); ok {
		cur, err := g.currentOne(current, t)
		if err != nil {
			return nil, err
		}
		return g.step(cur, sign*n, t)
	}
	p, err := g.resolveOne(t)
	if err == nil {
		return []int{p}, nil
	}
	// REV+N / REV-N: split at the last sign followed by digits only.
	if i := strings.LastIndexAny(t, "+-"); i > 0 {
		if n, sign, ok := relative(t[i:]); ok {
			base, berr := g.resolveOne(t[:i])
			if berr == nil {
				return g.step(base, sign*n, t)
			}
		}
	}
	return nil, err
}

// resolveOne resolves "head", a full id, a branch label or a unique prefix
// to one revision.
func (g *Graph) resolveOne(t string) (int, error) {
	if t == "head" {
		if len(g.heads) > 1 {
			return 0, fmt.Errorf("%w: %s; name one, or use heads or LABEL@head", ErrMultipleHeads, strings.Join(g.Heads(), ", "))
		}
		return g.heads[0], nil
	}
	if p, ok := g.index[t]; ok {
		return p, nil
	}
	if p, ok := g.labels[t]; ok {
		return p, nil
	}
	lo := sort.SearchStrings(g.sorted, t)
	hi := lo
	for hi < len(g.sorted) && strings.HasPrefix(g.sorted[hi], t) {
		hi++
	}
	switch hi - lo {
	case 0:
		return 0, fmt.Errorf("%w %q; run `retort history` to list revisions", ErrUnknownRevision, t)
	case 1:
		return g.index[g.sorted[lo]], nil
	}
	cands := g.sorted[lo:hi]
	more := ""
	if len(cands) > 10 {
		more = fmt.Sprintf(" and %d more", len(cands)-10)
		cands = cands[:10]
	}
	return 0, fmt.Errorf("%w: prefix %q matches %s%s; give more characters", ErrAmbiguousRevision, t, strings.Join(cands, ", "), more)
}

// resolveBranch reads LABEL@head, LABEL@+N and LABEL@-N.
func (g *Graph) resolveBranch(t, branch, rest string, current []string) ([]int, error) {
	p, err := g.resolveOne(branch)
	if err != nil {
		return nil, err
	}
	below := g.branchOf(p)
	if rest == "head" {
		var hs []int
		for _, h := range g.heads {
			if below[h] {
				hs = append(hs, h)
			}
		}
		if len(hs) != 1 {
			return nil, fmt.Errorf("%w: branch %q has heads %s; name one", ErrMultipleHeads, branch, strings.Join(g.idsOf(hs), ", "))
		}
		return hs, nil
	}
	n, sign, ok := relative(rest)
	if !ok {
		return nil, fmt.Errorf("%w %q; after @ write head, +N or -N", ErrUnknownRevision, t)
	}
	// The current revision on this branch: a current head at or below p,
	// or, when the branch is not applied yet, the branch's parent.
	var on []int
	for _, id := range current {
		if c, ok := g.index[id]; ok && below[c] {
			on = append(on, c)
		}
	}
	switch len(on) {
	case 0:
		if sign < 0 {
			return nil, fmt.Errorf("%w: branch %q is not applied; %q has nothing to go down from", ErrUnknownRevision, branch, t)
		}
		return g.step(p, sign*n-1, t)
	case 1:
		return g.step(on[0], sign*n, t)
	}
	return nil, fmt.Errorf("%w: the database is at %s on branch %q; name one", ErrMultipleHeads, strings.Join(g.idsOf(on), ", "), branch)
}

// branchOf marks p and every revision that descends from it through
// parent links (dependencies do not make a revision part of a branch).
func (g *Graph) branchOf(p int) []bool {
	mark := make([]bool, len(g.revs))
	mark[p] = true
	for q := p + 1; q < len(g.revs); q++ {
		for _, r := range g.parents[q] {
			if mark[r] {
				mark[q] = true
				break
			}
		}
	}
	return mark
}

// currentOne returns the single current revision (-1 for base) a relative
// target starts from.
func (g *Graph) currentOne(current []string, t string) (int, error) {
	switch len(current) {
	case 0:
		return -1, nil
	case 1:
		p, ok := g.index[current[0]]
		if !ok {
			return 0, fmt.Errorf("%w %q: the version table names it but this migrations package has no such revision", ErrUnknownRevision, current[0])
		}
		return p, nil
	}
	return 0, fmt.Errorf("%w: the database is at %s; %q is ambiguous, use REV%s or LABEL@%s", ErrMultipleHeads, strings.Join(current, ", "), t, t, t)
}

// step walks n steps from p (-1 is base): up through children, down
// through parents. It returns no revision for base.
func (g *Graph) step(p, n int, t string) ([]int, error) {
	for ; n > 0; n-- {
		next := g.bases
		if p >= 0 {
			next = g.children[p]
		}
		switch len(next) {
		case 0:
			return nil, fmt.Errorf("%w: %q goes past the head %s", ErrUnknownRevision, t, g.ids[p])
		case 1:
			p = next[0]
		default:
			from := "base"
			if p >= 0 {
				from = g.ids[p]
			}
			return nil, fmt.Errorf("%w: %q is ambiguous: %s branches into %s; name the revision or LABEL@+N", ErrMultipleHeads, t, from, strings.Join(g.idsOf(next), ", "))
		}
	}
	for ; n < 0; n++ {
		if p < 0 {
			return nil, fmt.Errorf("%w: %q goes below base", ErrUnknownRevision, t)
		}
		switch len(g.parents[p]) {
		case 0:
			p = -1
		case 1:
			p = g.parents[p][0]
		default:
			return nil, fmt.Errorf("%w: %q is ambiguous: %s merges %s; name the revision", ErrMultipleHeads, t, g.ids[p], strings.Join(g.idsOf(g.parents[p]), ", "))
		}
	}
	if p < 0 {
		return nil, nil
	}
	return []int{p}, nil
}

// relative parses "+N" or "-N" (N ≥ 1 digits).
func relative(s string) (n, sign int, ok bool) {
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return 0, 0, false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
	}
	n, err := strconv.Atoi(s[1:])
	if err != nil || n == 0 {
		return 0, 0, false
	}
	if s[0] == '-' {
		return n, -1, true
	}
	return n, 1, true
}
