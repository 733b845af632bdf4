package sqlite

import "github.com/retortdb/retort/dialect"

// TypeChangeLoss classifies a column type change: SQLite does not enforce
// declared types or lengths, so a type change keeps every value, except
// that removing values from an enum (a CHECK on the column) fails the
// rebuild on rows that hold them — a fails-on-rows finding, not data loss.
func (*Dialect) TypeChangeLoss(from, to dialect.TypeShape) dialect.TypeLoss {
	if from.Family == dialect.FamilyEnum && to.Family == dialect.FamilyEnum {
		if l := dialect.CompareTypes(from, to); l.Narrowing {
			l.FailsOnRows = true
			return l
		}
	}
	return dialect.TypeLoss{}
}

// LexRules are SQLite's: "identifiers", `identifiers` and [identifiers].
func (*Dialect) LexRules() dialect.LexRules {
	return dialect.LexRules{Backticks: true, Brackets: true}
}
