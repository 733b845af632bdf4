package dialect

// ScriptVerifier is implemented by dialects whose [ConnSetup] Verify
// queries report a violation as a row, which a script run by the server's
// own client cannot see. VerifyScript returns statements that fail when
// one of those queries would return a row, so that a client which stops
// at the first error (sqlite3 -bail) stops before COMMIT and the
// transaction is rolled back.
type ScriptVerifier interface {
	// VerifyScript returns statements to run before COMMIT in a script.
	VerifyScript() []string
}

// Frame is how a SQL script of DDL (offline `upgrade --sql`, `diff
// --sql`) is wrapped so that the server's own client, stopping at the
// first error, applies all of it or nothing: on a dialect with
// transactional DDL, the connection set-up of [ConnSetup] before BEGIN,
// the checks of [ScriptVerifier] before COMMIT, and the set-up undone
// after it. On a dialect without transactional DDL every list is empty.
type Frame struct {
	// Before runs before BEGIN (SQLite: foreign keys off, so that a table
	// rebuild neither cascades nor fails on references).
	Before []string
	// Begin opens the transaction.
	Begin []string
	// Commit checks what Verify checks and commits.
	Commit []string
	// After runs after COMMIT, restoring what Before changed.
	After []string
}

// ScriptFrame returns d's [Frame].
func ScriptFrame(d Dialect) Frame {
	if !d.TransactionalDDL() {
		return Frame{}
	}
	f := Frame{Begin: []string{"BEGIN"}}
	if cs, ok := d.(ConnSetup); ok {
		f.Before, f.After = cs.BeforeTx(), cs.AfterTx()
	}
	if sv, ok := d.(ScriptVerifier); ok {
		f.Commit = append(f.Commit, sv.VerifyScript()...)
	}
	f.Commit = append(f.Commit, "COMMIT")
	return f
}

// InTransaction reports whether the frame wraps a script in a
// transaction; a statement that cannot run in one
// ([Statement].NoTransaction) is then written between Commit and Begin.
func (f Frame) InTransaction() bool { return len(f.Begin) > 0 }
