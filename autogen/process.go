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
// through its Hook method. The hooks' SQLDialect is env.Backend's dialect.
func Process(env *migrate.Env, s ops.Script, autogenerate bool) ([]ops.Script, error) {
	var d ops.SQLDialect
	if env.Backend.Dialect != nil {
		d = env.Backend.Dialect
	}
	return process(env, s, autogenerate, d)
}

// process is Process with the dialect the hooks see.
func process(env *migrate.Env, s ops.Script, autogenerate bool, d ops.SQLDialect) ([]ops.Script, error) {
	ctx := rewriter.ScriptContext{Dialect: env.Dialect, SQLDialect: d, Autogenerate: autogenerate}
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
