package models

// Team is generic to check that type arguments are ignored.
type Team[T any] struct {
	_     struct{} `db:",table=teams"` // @pos-team-blank
	ID    T        `db:"id,pk"`        // @pos-team-id
	Owner *User
}
