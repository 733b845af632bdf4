package ops

import "strings"

// ChangeKind is a bitmask of the aspects of a column an [AlterColumn] changes.
type ChangeKind uint16

// Column aspects.
const (
	ChangeType ChangeKind = 1 << iota
	ChangeNullable
	ChangeDefault
	ChangeComment
	ChangeAutoIncrement
	ChangeIdentity
	ChangeGenerated
	ChangeCollation
	ChangeOnUpdate
	// ChangeInvisible: the column's Invisible (MySQL/MariaDB INVISIBLE).
	ChangeInvisible
	// ChangeSequence: the options of the sequence that numbers the column
	// ([model.Column.Sequence]) change.
	ChangeSequence
	// ChangeStorage: the column's storage strategy or compression method
	// ([model.Column.Storage], [model.Column.Compression]) change.
	ChangeStorage
)

var changeNames = []string{"type", "nullable", "default", "comment", "autoincrement", "identity", "generated", "collation", "onupdate", "invisible", "sequence", "storage"}

// Has reports whether every bit of k2 is set in k.
func (k ChangeKind) Has(k2 ChangeKind) bool { return k&k2 == k2 && k2 != 0 }

// String lists the set aspects, e.g. "type|nullable".
func (k ChangeKind) String() string {
	var names []string
	for i, n := range changeNames {
		if k&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "|")
}
