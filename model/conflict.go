package model

import "strings"

// ConflictAction is SQLite's conflict resolution of a NOT NULL, PRIMARY
// KEY or UNIQUE constraint (its ON CONFLICT clause): what a statement that
// violates the constraint does. The zero value means the clause is not
// written (the statement's own resolution, ABORT unless it says
// otherwise); an explicit ON CONFLICT ABORT is kept apart from it, as the
// catalog keeps it. Only SQLite has the clause: other dialects refuse a
// model that declares one.
//
// Tags: notnull_onconflict=ACTION, pk_onconflict=ACTION and
// unique_onconflict=ACTION on a field (ACTION is rollback, abort, fail,
// ignore or replace).
type ConflictAction int

// Conflict actions.
const (
	ConflictDefault ConflictAction = iota
	ConflictRollback
	ConflictAbort
	ConflictFail
	ConflictIgnore
	ConflictReplace
)

var conflictWords = [...]string{"", "ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE"}

// String returns the action's SQL word (ROLLBACK ... REPLACE), or "" for
// ConflictDefault.
func (a ConflictAction) String() string {
	if a >= 0 && int(a) < len(conflictWords) {
		return conflictWords[a]
	}
	return ""
}

// ParseConflictAction reads an action as written in SQL or a tag
// ("replace", "IGNORE"); "" is ConflictDefault.
func ParseConflictAction(s string) (ConflictAction, bool) {
	w := strings.ToUpper(strings.TrimSpace(s))
	for i, x := range conflictWords {
		if w == x {
			return ConflictAction(i), true
		}
	}
	return ConflictDefault, false
}
