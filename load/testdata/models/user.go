// Package models is a small model package that load's tests parse with
// SourcePositions; being under testdata, go build ./... never compiles it.
package models

import "time"

// User is a model.
type User struct { // @pos-user-type
	ID         int64  `db:"id,pk"`
	Email      string `db:"email,unique"` // @pos-user-email
	Name, Nick string // @pos-user-name-nick
	Timestamps        // @pos-user-embedded
}

// TableName names the table.
func (User) TableName() string { return "users" }

// Timestamps is a mixin.
type Timestamps struct {
	CreatedAt time.Time // @pos-ts-created
	UpdatedAt time.Time
}
