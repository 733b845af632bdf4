package ops

import "fmt"

// Direction says which op list of a revision runs or is being rewritten:
// its Upgrade or its Downgrade. migrate.Direction and rewriter.Direction
// are this type.
type Direction uint8

// Directions.
const (
	// Upgrade is the list that applies a revision.
	Upgrade Direction = iota + 1
	// Downgrade is the list that undoes it.
	Downgrade
)

// String returns "upgrade" or "downgrade".
func (d Direction) String() string {
	switch d {
	case Upgrade:
		return "upgrade"
	case Downgrade:
		return "downgrade"
	}
	return fmt.Sprintf("Direction(%d)", uint8(d))
}
