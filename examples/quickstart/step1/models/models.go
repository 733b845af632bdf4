// Package models is the quickstart app's first set of models.
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
	Slug string `db:"slug,type=varchar(100),index"`
	Timestamps
}

// TableName names the table.
func (Team) TableName() string { return "teams" }

// User is a member of a team.
type User struct {
	ID      int64   `db:"id,pk"`
	Email   string  `db:"email,type=varchar(255),unique"`
	Name    *string `db:"name,type=varchar(100)"`
	Role    string  `db:"role,type=varchar(20),default='member',index"`
	TeamID  int64   `db:"team_id,fk=teams.id,ondelete=cascade,index"`
	Balance float64 `db:"balance,type=numeric(10,2),default=0"`
	Timestamps
}

// TableName names the table.
func (User) TableName() string { return "users" }
