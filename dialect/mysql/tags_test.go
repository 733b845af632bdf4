package mysql_test

import (
	"testing"
	"time"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Models using the MySQL-flavoured tags: unsigned, type=, charset=,
// collate=, onupdate=CURRENT_TIMESTAMP, enum=, table options, prefix and
// FULLTEXT indexes.
type tagTeam struct {
	_    struct{} `db:",table=teams,option=ENGINE=InnoDB,comment='Teams'"`
	ID   uint32   `db:"id,pk"`
	Name string   `db:"name,type=varchar(191),unique"`
}

type tagMember struct {
	_         struct{}  `db:",table=members,option=DEFAULT CHARSET=utf8mb4,index=ix_members_email_prefix(email(50)),index=ix_members_bio(bio) using fulltext"`
	ID        int64     `db:"id,pk"`
	TeamID    uint32    `db:"team_id,fk=teams.id,ondelete=cascade"`
	Email     string    `db:"email,size=255"`
	Code      string    `db:"code,type=char(4),charset=latin1,collate=latin1_bin"`
	Bio       *string   `db:"bio,type=text"`
	Active    bool      `db:"active,default=true"`
	Qty       int32     `db:"qty,unsigned,default='0',check=qty < 1000"`
	Role      string    `db:"role,enum=member_role(admin,user),default='user'"`
	Score     float64   `db:"score,type=decimal(8,2),default=0"`
	Doubled   *float64  `db:"doubled,type=decimal(9,2),generated=score * 2,stored"`
	CreatedAt time.Time `db:"created_at,default=CURRENT_TIMESTAMP"`
	UpdatedAt time.Time `db:"updated_at,type=timestamp,default=CURRENT_TIMESTAMP,onupdate=CURRENT_TIMESTAMP"`
	Extra     []byte    `db:"extra,type=json,null"`
}

// TestConvergeStructTags loads tagged models, applies the generated
// upgrade, finds no drift, and the downgrade empties the database.
func TestConvergeStructTags(t *testing.T) {
	t.Parallel()
	m, err := load.Models([]any{tagTeam{}, tagMember{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, d := server(t)
	up := compare(t, model.Schema{}, m, d)
	apply(t, db.DB, d, up...)
	if _, err := db.ExecContext(t.Context(), "INSERT INTO teams (name) VALUES ('a')"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(t.Context(), "INSERT INTO members (team_id, email, code, role, score) VALUES (1, 'x@y', 'ab', 'admin', 1.5)"); err != nil {
		t.Fatal(err)
	}
	if again := compare(t, inspect(t, db.DB), m, d); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s", dumpOps(again))
	}
	assertSameAsModel(t, db.DB, d, m)
	down, i, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", i)
	}
	apply(t, db.DB, d, down...)
	if got := inspect(t, db.DB); len(got.Tables) != 0 {
		t.Errorf("tables left after the downgrade: %d", len(got.Tables))
	}
}
