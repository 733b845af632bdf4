// Package models is the quickstart app's models after a change: users get a
// bio and a NOT NULL name with a longer type, teams lose the slug index, and
// notes arrive.
package models

import "time"

// Timestamps is a mixin shared by every model.
type Timestamps struct {
	CreatedAt time.Time `db:"created_at,default=CURRENT_TIMESTAMP"`
	UpdatedAt time.Time `db:"updated_at,default=CURRENT_TIMESTAMP"`
}

// Team groups users.
type Team struct {
	ID   int64  `db:"id,pk"`
	Name string `db:"name,type=varchar(100)"`
	Slug string `db:"slug,type=varchar(100)"`
	Timestamps
}

// TableName names the table.
func (Team) TableName() string { return "teams" }

// User is a member of a team.
type User struct {
	ID      int64   `db:"id,pk"`
	Email   string  `db:"email,type=varchar(255),unique"`
	Name    string  `db:"name,type=varchar(200),default=''"`
	Role    string  `db:"role,type=varchar(20),default='member',index"`
	TeamID  int64   `db:"team_id,fk=teams.id,ondelete=cascade,index"`
	Balance float64 `db:"balance,type=numeric(10,2),default=0"`
	Bio     *string `db:"bio,type=text"`
	Timestamps
}

// TableName names the table.
func (User) TableName() string { return "users" }

// Note is a user's note.
type Note struct {
	ID     int64  `db:"id,pk"`
	UserID int64  `db:"user_id,fk=users.id,ondelete=cascade,index"`
	Body   string `db:"body,type=text"`
	Timestamps
}

// TableName names the table.
func (Note) TableName() string { return "notes" }
