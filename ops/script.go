package ops

// Script is one revision file about to be written, as `retort revision`
// hands it to the script hooks (Alembic's process_revision_directives).
// It is declared here, beside the ops it holds, so that migrate.Env can
// hold script hooks without importing package rewriter, which names it
// rewriter.Script.
type Script struct {
	// ID is the revision id. A hook that adds scripts leaves their ID empty;
	// rewriter.Link assigns one.
	ID string
	// Revises is the parent revision; rewriter.Link sets it.
	Revises string
	// Message is the revision's message; it names the file.
	Message string
	// BranchLabels name the branch the revision starts (--branch-label).
	BranchLabels []string
	// DependsOn names revisions on other branches that must come first.
	DependsOn []string
	// Upgrade and Downgrade are the revision's op lists. Downgrade holds the
	// reverse of the upgrade as the differ produced it, before any rewrite.
	Upgrade, Downgrade []Op
}

// Empty reports whether the script has no ops in either direction.
func (s Script) Empty() bool { return len(s.Upgrade) == 0 && len(s.Downgrade) == 0 }

// ScriptContext is what a script hook knows besides the scripts.
type ScriptContext struct {
	// Dialect is the Env's dialect: "sqlite", "postgres" or "mysql".
	Dialect string
	// SQLDialect is the Env's dialect implementation, which the shipped
	// rewriters ask how to quote a name and whether an index can be built
	// concurrently; nil when the caller has none.
	SQLDialect SQLDialect
	// Autogenerate is set for `retort revision --autogenerate`; a revision
	// written by hand starts with empty op lists.
	Autogenerate bool
}

// SQLDialect is what a script hook or rewriter may ask of the Env's
// dialect: every dialect.Dialect implements it (rewriter.SQLDialect is
// this type). Declared here, not in package dialect, because ops imports
// no dialect.
type SQLDialect interface {
	// QuoteIdent quotes name when it needs quoting.
	QuoteIdent(name string) string
}

// ScriptHook edits the scripts of one `retort revision` run: it may change
// their ops and messages, split one script into several (return more), or
// cancel the revision (return none). Hooks run in order, each on the
// previous one's result. rewriter.ScriptHook is the same type.
type ScriptHook func(ctx ScriptContext, scripts []Script) ([]Script, error)
