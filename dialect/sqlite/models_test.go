package sqlite_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

type tagTeam struct {
	ID      int64  `db:"id,pk"`
	Name    string `db:"name,size=80,unique,collate=NOCASE"`
	Private bool   `db:"private,default=false"`
}

func (tagTeam) TableName() string { return "teams" }

type tagMember struct {
	_         struct{}        `db:",index=ix_members_lower_nick(lower(nick)) where (deleted_at IS NULL)"`
	_         struct{}        `db:",check=ck_members_span(length(nick) BETWEEN 2 AND 40),unique=uq_members_team_nick(team_id, nick)"`
	ID        int64           `db:"id,pk"`
	TeamID    int64           `db:"team_id,fk=teams.id,ondelete=cascade,index"`
	Nick      string          `db:"nick,size=40"`
	Role      string          `db:"role,enum=member_role(owner,'guest''s',member),default='member'"`
	Score     float64         `db:"score,type=numeric(10,2),default=0,check=(score >= 0)"`
	Double    float64         `db:"double,generated=(score * 2),stored"`
	Bio       *string         `db:"bio,comment='free text'"`
	Avatar    []byte          `db:"avatar"`
	Prefs     json.RawMessage `db:"prefs,null"`
	UID       [16]byte        `db:"uid,unique"`
	Level     int16           `db:"level,default=1"`
	CreatedAt time.Time       `db:"created_at,default=CURRENT_TIMESTAMP"`
	DeletedAt *time.Time      `db:"deleted_at"`
}

func (tagMember) TableName() string { return "members" }

type tagPair struct {
	A int32  `db:"a,pk"`
	B string `db:"b,pk"`
	N int64  `db:"n,default=-1"`
}

// TestConvergeLoadedModels: models read from struct tags by load.Models
// create, reflect with no drift, and downgrade to nothing.
func TestConvergeLoadedModels(t *testing.T) {
	t.Parallel()
	m, err := load.Models([]any{tagTeam{}, tagMember{}, tagPair{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	up := compare(t, model.Schema{}, m)
	mustApply(t, db, up...)
	if again := compare(t, reflectDB(t, db), m); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s\nupgrade was:\n%s", dumpOps(again), dumpOps(up))
	}
	if _, err := db.Exec(`INSERT INTO teams (name) VALUES ('a'); INSERT INTO members (team_id, nick, uid, avatar) VALUES (1, 'bob', x'00', x'')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO members (team_id, nick, uid, avatar, role) VALUES (1, 'eve', x'01', x'', 'boss')`); err == nil {
		t.Error("a role outside the enum was accepted")
	}
	down, i, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", i)
	}
	mustApply(t, db, down...)
	if got := reflectDB(t, db); len(got.Tables) != 0 {
		t.Errorf("tables left after the downgrade: %d", len(got.Tables))
	}
}

// The three ways a SQLite table spells an integer key, each a tag.
type tagAutoKey struct {
	ID int64 `db:"id,pk"` // INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
}

func (tagAutoKey) TableName() string { return "auto_key" }

type tagRowidKey struct {
	ID int64 `db:"id,pk,noautoincrement"` // a rowid alias, NOT NULL
}

func (tagRowidKey) TableName() string { return "rowid_key" }

type tagBareKey struct {
	ID int64 `db:"id,pk,noautoincrement,null"` // INTEGER PRIMARY KEY as most write it
}

func (tagBareKey) TableName() string { return "bare_key" }

// TestIntegerKeyTags: AUTOINCREMENT, a rowid alias and a rowid alias
// without NOT NULL are three tags, created as declared (the CREATE text
// SQLite keeps) and reflected with no drift.
func TestIntegerKeyTags(t *testing.T) {
	t.Parallel()
	m, err := load.Models([]any{tagAutoKey{}, tagRowidKey{}, tagBareKey{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	mustApply(t, db, compare(t, model.Schema{}, m)...)
	if again := compare(t, reflectDB(t, db), m); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s", dumpOps(again))
	}
	for table, want := range map[string][2]bool{ // AUTOINCREMENT, NOT NULL
		"auto_key": {true, true}, "rowid_key": {false, true}, "bare_key": {false, false},
	} {
		var text string
		var notNull int
		if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = ?`, table).Scan(&text); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT "notnull" FROM pragma_table_info(?) WHERE name = 'id'`, table).Scan(&notNull); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(text, "AUTOINCREMENT"); got != want[0] {
			t.Errorf("%s: AUTOINCREMENT %v, want %v: %s", table, got, want[0], text)
		}
		if got := notNull == 1; got != want[1] {
			t.Errorf("%s: NOT NULL %v, want %v: %s", table, got, want[1], text)
		}
	}
}

// TestSetTableOptions: STRICT and WITHOUT ROWID are set by a rebuild,
// cleared by the reverse op and by the value OFF (what ResetTableOption
// gives), and the rows stay.
func TestSetTableOptions(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	if _, err := db.Exec(`CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v INTEGER); INSERT INTO kv VALUES ('a', 1)`); err != nil {
		t.Fatal(err)
	}
	options := func() []model.TableOption {
		t.Helper()
		s := reflectDB(t, db)
		kv, _ := s.Table("", "kv")
		return kv.Options
	}
	set := ops.SetTableOptions{Table: "kv", To: []model.TableOption{{Name: "STRICT"}, {Name: "WITHOUT ROWID"}}}
	mustApply(t, db, set)
	if got := options(); len(got) != 2 {
		t.Fatalf("after setting STRICT and WITHOUT ROWID the table has options %v", got)
	}
	back, ok := set.Reverse()
	if !ok {
		t.Fatal("SetTableOptions has no reverse")
	}
	mustApply(t, db, back)
	if got := options(); len(got) != 0 {
		t.Fatalf("after the reverse the table has options %v", got)
	}
	mustApply(t, db, set)
	d := sqlite.New()
	off, _ := d.ResetTableOption("strict")
	mustApply(t, db, ops.SetTableOptions{Table: "kv", From: []model.TableOption{{Name: "STRICT"}}, To: []model.TableOption{{Name: "STRICT", Value: off}}})
	if got := options(); len(got) != 1 || got[0].Name != "WITHOUT ROWID" {
		t.Fatalf("after STRICT=%s the table has options %v", off, got)
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM kv WHERE k = 'a' AND v = 1`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("the row is lost: %d, %v", n, err)
	}
}
