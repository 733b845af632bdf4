package postgres

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/model"
)

var _ dialect.ValueChecker = (*Dialect)(nil)

// accessMethod is an index access method name as CREATE INDEX ... USING
// takes it: the built-in btree, hash, gist, spgist, gin, brin, or one an
// extension adds (bloom, hnsw), all lower-case identifiers.
var accessMethod = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// collationChars are the characters of a collation name as pg_collation
// spells them (C, POSIX, en_US.utf8, de-DE-x-icu, sr_RS@latin).
var collationChars = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.@-]*$`)

// CheckValue checks a keyword-like value against PostgreSQL's grammar: an
// index method is an identifier; a collation is one name of letters,
// digits and _ . @ - as pg_collation spells them (en_US.utf8, und-x-icu;
// written double-quoted whole), or a qualified name whose parts are
// identifiers, the collation's quoted (pg_catalog."C").
func (d *Dialect) CheckValue(kind dialect.ValueKind, value string) error {
	switch kind {
	case dialect.ValueIndexMethod:
		if !accessMethod.MatchString(value) {
			return &dialect.ValueError{Kind: kind, Value: value, Fix: "index_method must be an access method name such as btree, hash, gist, spgist, gin or brin"}
		}
		return nil
	case dialect.ValueCollation:
		if collationOK(value) {
			return nil
		}
		return &dialect.ValueError{Kind: kind, Value: value, Fix: `collate must be a collation name such as C, en_US or "de-DE-x-icu", or a qualified name such as pg_catalog."C"`}
	}
	return dialect.CheckValue(kind, value)
}

// collationOK reports whether collationName writes c as a collation
// name and nothing else.
func collationOK(c string) bool {
	if c == "" || strings.ContainsRune(c, 0) {
		return false
	}
	if collationChars.MatchString(c) && !strings.Contains(c, "--") {
		return true // a name such as C, en_US.utf8 or und-x-icu
	}
	stmts, err := sqllex.Split(c, (*Dialect)(nil).LexRules())
	if err != nil || len(stmts) != 1 || strings.Contains(c, ";") {
		return false
	}
	toks := stmts[0]
	if len(toks) != 1 && len(toks) != 3 {
		return false
	}
	for i, t := range toks {
		if i%2 == 1 {
			if !t.IsPunct(".") {
				return false
			}
			continue
		}
		if t.Kind != sqllex.Ident && t.Kind != sqllex.Word {
			return false
		}
	}
	// Nothing but the tokens: no comment or space hides between them.
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Text)
	}
	return b.String() == c
}

// CheckTableOption checks a table option by the shared rule; WITH holds
// storage parameters, "(name=value, ...)".
func (d *Dialect) CheckTableOption(o model.TableOption) error {
	if strings.EqualFold(o.Name, "WITH") {
		// PostgreSQL's storage parameters: "(name=value, ...)".
		if _, err := withParams(o.Value); err != nil {
			return &dialect.ValueError{Kind: dialect.ValueTableOption, Value: o.Name + "=" + o.Value,
				Fix: "option=WITH takes storage parameters: option=WITH=(fillfactor=70, autovacuum_enabled=false)"}
		}
		return nil
	}
	if handled, err := checkTableFlag(o); handled {
		if err != nil {
			return &dialect.ValueError{Kind: dialect.ValueTableOption, Value: o.Name + "=" + o.Value, Fix: err.Error()}
		}
		return nil
	}
	return dialect.CheckTableOption(d, o)
}
