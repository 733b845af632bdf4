package autogen

import (
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

// Process runs env.go's Rewriter and ScriptHooks on the revision s that
// `retort revision` is about to write (see [rewriter.Process]), with the
// Env's dialect. It returns the scripts to write, none when a hook
// cancelled the revision; give them ids and parents with [rewriter.Link].
// A Rewriter that is not a *rewriter.Rewriter runs as the first hook,
// through its Hook method.
func Process(env *migrate.Env, s ops.Script, autogenerate bool) ([]ops.Script, error) {
	ctx := rewriter.ScriptContext{Dialect: env.Dialect, Autogenerate: autogenerate}
	hooks := env.ScriptHooks
	var r *rewriter.Rewriter
	switch rw := env.Rewriter.(type) {
	case nil:
	case *rewriter.Rewriter:
		r = rw
	default:
		hooks = append([]ops.ScriptHook{rw.Hook()}, hooks...)
	}
	return rewriter.Process(ctx, r, hooks, s)
}
