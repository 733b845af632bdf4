package load_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/load"
)

type ExampleTimestamps struct {
	CreatedAt time.Time `db:",default=CURRENT_TIMESTAMP"`
}

type ExampleMember struct {
	_      struct{} `db:",index=ix_member_lower_nick(lower(nick))"`
	ID     int64    `db:"id,pk"`
	TeamID int64    `db:"team_id,fk=teams.id,ondelete=cascade,index"`
	Nick   string   `db:"nick,size=40,unique"`
	Bio    *string
	ExampleTimestamps
}

func (ExampleMember) TableName() string { return "members" }

func ExampleModels() {
	s, err := load.Models([]any{ExampleMember{}}, load.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := s.Tables[0]
	for _, c := range t.Columns {
		null := "NOT NULL"
		if c.Nullable {
			null = "NULL"
		}
		fmt.Println(c.Name, c.Type, c.Type.Size, null, c.Default, c.AutoIncrement)
	}
	fmt.Println(t.PrimaryKey.Name, t.PrimaryKey.Columns)
	for _, ix := range t.Indexes {
		fmt.Println(ix.Name, ix.Columns())
	}
	fmt.Println(t.Uniques[0].Name, t.ForeignKeys[0].Name, t.ForeignKeys[0].OnDelete)
	// Output:
	// id bigint 0 NOT NULL  true
	// team_id bigint 0 NOT NULL  false
	// nick string 40 NOT NULL  false
	// bio string 0 NULL  false
	// created_at timestamp 0 NOT NULL CURRENT_TIMESTAMP false
	// pk_members [id]
	// ix_member_lower_nick [lower(nick)]
	// ix_members_team_id [team_id]
	// uq_members_nick fk_members_team_id_teams CASCADE
}

type ExampleBad struct {
	ID    int64  `db:"id,pk"`
	Email string `db:"email,uniq"`
	Tags  map[string]string
}

func ExampleTagError() {
	_, err := load.Models([]any{ExampleBad{}}, load.Options{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, load.ErrUnknownOption), errors.Is(err, load.ErrNoType))
	// Output:
	// load_test.ExampleBad.Email: unknown tag option "uniq"; did you mean "unique"?
	// load_test.ExampleBad.Tags: no column type for Go type map[string]string: add type=jsonb or type=json (or another SQL type)
	// true true
}
