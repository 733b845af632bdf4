package rewriter

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/ops"
)

// Script is one revision file about to be written, as `retort revision`
// hands it to the script hooks (Alembic's process_revision_directives).
type Script struct {
	// ID is the revision id. A hook that adds scripts leaves their ID empty;
	// [Link] assigns one.
	ID string
	// Revises is the parent revision; [Link] sets it.
	Revises string
	// Message is the revision's message; it names the file.
	Message string
	// BranchLabels name the branch the revision starts (--branch-label).
	BranchLabels []string
	// DependsOn names revisions on other branches that must come first.
	DependsOn []string
	// Upgrade and Downgrade are the revision's op lists. Downgrade holds the
	// reverse of the upgrade as the differ produced it, before any rewrite.
	Upgrade, Downgrade []ops.Op
}

// Empty reports whether the script has no ops in either direction.
func (s Script) Empty() bool { return len(s.Upgrade) == 0 && len(s.Downgrade) == 0 }

// ScriptContext is what a script hook knows besides the scripts.
type ScriptContext struct {
	// Dialect is the Env's dialect: "sqlite", "postgres" or "mysql".
	Dialect string
	// SQLDialect is the Env's dialect implementation; see
	// [Context].SQLDialect.
	SQLDialect SQLDialect
	// Autogenerate is set for `retort revision --autogenerate`; a revision
	// written by hand starts with empty op lists.
	Autogenerate bool
}

// ScriptHook edits the scripts of one `retort revision` run: it may change
// their ops and messages, split one script into several (return more), or
// cancel the revision (return none). Hooks run in order, each on the
// previous one's result.
type ScriptHook func(ctx ScriptContext, scripts []Script) ([]Script, error)

// SkipEmpty is a [ScriptHook] that drops scripts without ops, so
// autogenerate writes no file when nothing changed. Scripts written by hand
// (not Autogenerate) are kept: an empty file is what the user asked for.
func SkipEmpty(ctx ScriptContext, scripts []Script) ([]Script, error) {
	if !ctx.Autogenerate {
		return scripts, nil
	}
	out := make([]Script, 0, len(scripts))
	for _, s := range scripts {
		if !s.Empty() {
			out = append(out, s)
		}
	}
	return out, nil
}

// Hook returns r as a [ScriptHook] that rewrites both op lists of every
// script.
func (r *Rewriter) Hook() ScriptHook {
	return func(ctx ScriptContext, scripts []Script) ([]Script, error) {
		out := make([]Script, len(scripts))
		for i, s := range scripts {
			var err error
			if s, err = r.RewriteScript(ctx, s); err != nil {
				return nil, err
			}
			out[i] = s
		}
		return out, nil
	}
}

// RewriteScript returns s with r run over its Upgrade (Direction Upgrade)
// and its Downgrade (Direction Downgrade).
func (r *Rewriter) RewriteScript(ctx ScriptContext, s Script) (Script, error) {
	c := Context{Dialect: ctx.Dialect, SQLDialect: ctx.SQLDialect, RevisionID: s.ID, Message: s.Message}
	var err error
	c.Direction = Upgrade
	if s.Upgrade, err = r.Rewrite(c, s.Upgrade); err != nil {
		return Script{}, fmt.Errorf("revision %s: %w", s.ID, err)
	}
	c.Direction = Downgrade
	if s.Downgrade, err = r.Rewrite(c, s.Downgrade); err != nil {
		return Script{}, fmt.Errorf("revision %s: %w", s.ID, err)
	}
	return s, nil
}

// ErrHook is wrapped by the errors of [Process] that a script hook
// returned.
var ErrHook = errors.New("rewriter: script hook failed")

// Process runs everything env.go configures for one revision: r over both
// op lists of s, then each hook in order. It returns the scripts to write;
// none means the revision is cancelled. Pass the result to [Link] to give
// the scripts ids and parents. s.Downgrade must be the reverse of the
// upgrade as the differ produced it: a rewritten upgrade may not reverse
// (a backfill Execute has no DownSQL).
func Process(ctx ScriptContext, r *Rewriter, hooks []ScriptHook, s Script) ([]Script, error) {
	s, err := r.RewriteScript(ctx, s)
	if err != nil {
		return nil, err
	}
	scripts := []Script{s}
	for i, h := range hooks {
		if h == nil {
			continue
		}
		if scripts, err = h(ctx, scripts); err != nil {
			return nil, fmt.Errorf("%w: hook %d: %w", ErrHook, i+1, err)
		}
		if len(scripts) == 0 {
			return nil, nil
		}
	}
	return scripts, nil
}

// ErrLink is wrapped by the errors of [Link].
var ErrLink = errors.New("rewriter: cannot link scripts")

// Link gives the scripts of one revision run their ids and parents, in
// order: a script with an empty ID gets newID(); the first script revises
// parent and each later one the script before it, so a split writes a
// chain of revisions in the order the hook returned them. newID may be
// nil when every script has an id. Revises set by a hook is overwritten.
// It fails on an empty Message, on an id used twice and on a branch label
// given to two scripts. The input is not modified.
func Link(scripts []Script, parent string, newID func() string) ([]Script, error) {
	out := make([]Script, len(scripts))
	ids := map[string]bool{}
	labels := map[string]bool{}
	prev := parent
	for i, s := range scripts {
		if s.ID == "" {
			if newID == nil {
				return nil, fmt.Errorf("%w: script %d (%s) has no id and no newID func was given", ErrLink, i+1, s.Message)
			}
			s.ID = newID()
		}
		if ids[s.ID] || s.ID == parent {
			return nil, fmt.Errorf("%w: revision id %s is used twice", ErrLink, s.ID)
		}
		ids[s.ID] = true
		if s.Message == "" {
			return nil, fmt.Errorf("%w: script %d (%s) has no message", ErrLink, i+1, s.ID)
		}
		for _, l := range s.BranchLabels {
			if labels[l] {
				return nil, fmt.Errorf("%w: branch label %q is given to two scripts; keep it on the first", ErrLink, l)
			}
			labels[l] = true
		}
		s.Revises = prev
		s.BranchLabels = slices.Clone(s.BranchLabels)
		s.DependsOn = slices.Clone(s.DependsOn)
		prev = s.ID
		out[i] = s
	}
	return out, nil
}
