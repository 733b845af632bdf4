package load_test

import (
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// DriverTypes are fields whose SQL each GORM driver chooses differently.
type DriverTypes struct {
	ID      uint
	I8      int8
	U16     uint16
	I32     int32
	U32     uint32
	F32     float32
	F64     float64
	Dec     float64 `gorm:"precision:10;scale:2"`
	B       bool
	S       string
	S100    string `gorm:"size:100"`
	SIdx    string `gorm:"index"`
	SDef    string `gorm:"default:x"`
	T       time.Time
	T0      time.Time `gorm:"precision:0"`
	Raw     []byte
	Raw16   []byte `gorm:"size:16"`
	Doc     json.RawMessage
	NS      sql.NullString
	NB      sql.NullByte
	KindInt string `gorm:"type:INT"`
	SQL     string `gorm:"type:varchar(7)"`
}

func TestGORMDriverTypes(t *testing.T) {
	t.Parallel()
	want := map[load.GORMDriver][]string{
		load.GORMPostgres: {"bigint", "smallint", "integer", "integer", "bigint", "decimal", "decimal", "numeric(10,2)", "boolean",
			"text", "varchar(100)", "text", "text", "timestamptz", "timestamptz", "bytea", "bytea", "bytea", "text", "smallint", "smallint", "varchar(7)"},
		load.GORMMySQL: {"bigint unsigned", "tinyint", "smallint unsigned", "int", "int unsigned", "float", "double", "decimal(10,2)", "boolean",
			"longtext", "varchar(100)", "varchar(191)", "varchar(191)", "datetime(3)", "datetime", "longblob", "varbinary(16)", "longblob", "longtext", "tinyint unsigned", "tinyint", "varchar(7)"},
		load.GORMSQLite: {"integer", "integer", "integer", "integer", "integer", "real", "real", "real", "numeric",
			"text", "text", "text", "text", "datetime", "datetime", "blob", "blob", "blob", "text", "integer", "integer", "varchar(7)"},
	}
	for _, d := range []load.GORMDriver{load.GORMPostgres, load.GORMMySQL, load.GORMSQLite} {
		s, err := load.Models([]any{DriverTypes{}}, load.Options{GORM: load.GORMOptions{Driver: d}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range s.Tables[0].Columns {
			got = append(got, c.Type.SQL)
		}
		if diff := cmp.Diff(want[d], got); diff != "" {
			t.Errorf("%s (-want +got)\n%s", d, diff)
		}
		c, _ := s.Tables[0].Column("s")
		if !c.Type.Implied || c.Type.Logical != model.LogicalString {
			t.Errorf("%s: s's type %+v is not implied by the Go string", d, c.Type)
		}
		if c, _ := s.Tables[0].Column("sql"); c.Type.IsImplied() {
			t.Errorf("%s: type:varchar(7) is implied", d)
		}
		if id, _ := s.Tables[0].Column("id"); !id.AutoIncrement || s.Tables[0].PrimaryKey.Name != "" {
			t.Errorf("%s: id %+v, key %+v; want auto-increment, unnamed", d, id, s.Tables[0].PrimaryKey)
		}
	}
}

// TestGORMMySQLSettings: mysql.Config's DefaultStringSize and
// DefaultDatetimePrecision.
func TestGORMMySQLSettings(t *testing.T) {
	t.Parallel()
	six := 6
	s, err := load.Models([]any{DriverTypes{}}, load.Options{GORM: load.GORMOptions{Driver: load.GORMMySQL, DefaultStringSize: 256, DefaultDatetimePrecision: &six}})
	if err != nil {
		t.Fatal(err)
	}
	for col, want := range map[string]string{"s": "varchar(256)", "s_idx": "varchar(256)", "s100": "varchar(100)", "t": "datetime(6)", "t0": "datetime"} {
		if c, _ := s.Tables[0].Column(col); c.Type.SQL != want {
			t.Errorf("%s: %s, want %s", col, c.Type.SQL, want)
		}
	}
}

type (
	// Lang is a many2many target.
	Lang struct {
		ID   uint
		Code string `gorm:"size:5"`
	}
	// Speaker has a many2many to Lang and one to itself.
	Speaker struct {
		ID      uint
		Langs   []Lang     `gorm:"many2many:speaker_langs;constraint:OnDelete:CASCADE"`
		Friends []*Speaker `gorm:"many2many:SpeakerFriends"`
	}
)

// TestGORMJoinTables: many2many join tables as GORM creates them.
func TestGORMJoinTables(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{Speaker{}, Lang{}}, load.Options{GORM: load.GORMOptions{Driver: load.GORMPostgres, TablePrefix: "x_"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range s.Tables {
		line := tb.Name + ":"
		for _, c := range tb.Columns {
			line += " " + c.Name + " " + c.Type.SQL
		}
		line += " pk(" + strings.Join(tb.PrimaryKey.Columns, ",") + ")"
		for _, fk := range tb.ForeignKeys {
			line += " " + fk.Name + "(" + strings.Join(fk.Columns, ",") + ")>" + fk.RefTable + "(" + strings.Join(fk.RefColumns, ",") + ")"
			if fk.OnDelete != model.NoAction {
				line += " " + fk.OnDelete.String()
			}
		}
		got = append(got, line)
	}
	want := []string{
		"x_speakers: id bigint pk(id)",
		"x_langs: id bigint code varchar(5) pk(id)",
		"x_speaker_langs: speaker_id bigint lang_id bigint pk(speaker_id,lang_id) fk_x_speaker_langs_lang(lang_id)>x_langs(id) CASCADE fk_x_speaker_langs_speaker(speaker_id)>x_speakers(id) CASCADE",
		"x_speaker_friends: speaker_id bigint friend_id bigint pk(speaker_id,friend_id) fk_x_speaker_friends_friends(friend_id)>x_speakers(id) fk_x_speaker_friends_speaker(speaker_id)>x_speakers(id)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// DBTyped has GORM's GormDBDataType method shape (retort cannot call it).
type DBTyped map[string]any

// GormDBDataType stands in for GORM's GormDBDataTypeInterface.
func (DBTyped) GormDBDataType(db, field any) string { return "jsonb" }

// GormDataType names the fallback.
func (DBTyped) GormDataType() string { return "json" }

// HookModel has a GormDBDataType field.
type HookModel struct {
	ID   uint
	Data DBTyped
}

// TestGORMDBDataTypeHook: the hook answers for GormDBDataType; without it
// GormDataType() is used and a warning says why.
func TestGORMDBDataTypeHook(t *testing.T) {
	t.Parallel()
	var asked []string
	hook := func(f load.GORMField) (string, bool) {
		asked = append(asked, f.Model.Name()+"."+f.Path+" "+f.Table+"."+f.Column)
		return "jsonb", true
	}
	res, err := load.Read([]any{HookModel{}}, load.Options{Family: model.FamilyGORM, GORM: load.GORMOptions{Driver: load.GORMPostgres, DBDataType: hook}})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := res.Schema.Tables[0].Column("data"); c.Type.SQL != "jsonb" || c.Type.IsImplied() {
		t.Errorf("data = %+v, want jsonb, not implied", c.Type)
	}
	if diff := cmp.Diff([]string{"HookModel.Data hook_models.data"}, asked); diff != "" || len(res.Warnings) > 0 {
		t.Errorf("asked (-want +got)\n%s\nwarnings %v", diff, res.Warnings)
	}
	res, err = load.Read([]any{HookModel{}}, load.Options{Family: model.FamilyGORM, GORM: load.GORMOptions{Driver: load.GORMPostgres}})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := res.Schema.Tables[0].Column("data"); c.Type.SQL != "json" {
		t.Errorf("without the hook data = %+v, want GormDataType's json", c.Type)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "GormDBDataType") {
		t.Errorf("warnings %v, want one about GormDBDataType", res.Warnings)
	}
}

func TestSingular(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Friends": "Friend", "Children": "Child", "Categories": "Category", "Statuses": "Status",
		"people": "person", "Boxes": "Box", "Series": "Series", "Followers": "Follower",
		"Leaves": "Leafe", "Wives": "Wife", "Halves": "Half", "Data": "Datum", "Indices": "Index",
	} {
		if got := load.Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// Names has fields whose GORM names differ from plain snake_case.
type Names struct {
	ID                                                                 uint
	UserIDs                                                            string `gorm:"index"`
	HTTPPort                                                           int
	JSONData                                                           string
	Address1                                                           string
	VeryLongFieldNameThatMakesTheGeneratedIndexNameLongerThanSixtyFour string `gorm:"index"`
}

func TestGORMNames(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{Names{}}, load.Options{GORM: load.GORMOptions{Driver: load.GORMSQLite}})
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range s.Tables[0].Columns {
		cols = append(cols, c.Name)
	}
	wantCols := []string{"id", "user_ids", "http_port", "json_data", "address1", "very_long_field_name_that_makes_the_generated_index_name_longer_than_sixty_four"}
	if diff := cmp.Diff(wantCols, cols); diff != "" {
		t.Errorf("columns (-want +got)\n%s", diff)
	}
	var idx []string
	for _, ix := range s.Tables[0].Indexes {
		idx = append(idx, ix.Name)
	}
	// The long name keeps 56 bytes and the first 8 hex digits of its SHA-1.
	long := "idx_names_very_long_field_name_that_makes_the_generated_index_name_longer_than_sixty_four"
	sum := sha1.Sum([]byte(long))
	wantIdx := []string{"idx_names_user_ids", long[:56] + hex.EncodeToString(sum[:])[:8]}
	if diff := cmp.Diff(wantIdx, idx); diff != "" {
		t.Errorf("indexes (-want +got)\n%s", diff)
	}
}

func TestParseGORMDriver(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]load.GORMDriver{
		"gorm.io/driver/postgres": load.GORMPostgres, "gorm.io/driver/mysql": load.GORMMySQL,
		"github.com/glebarez/sqlite": load.GORMSQLite, "gorm.io/driver/sqlite": load.GORMSQLite,
	} {
		got, ok := load.ParseGORMDriver(path)
		if !ok || got != want {
			t.Errorf("ParseGORMDriver(%q) = %v, %v; want %v", path, got, ok, want)
		}
	}
	if d, ok := load.ParseGORMDriver("gorm.io/driver/sqlserver"); ok {
		t.Errorf("sqlserver parsed as %v", d)
	}
	if got := load.GORMMySQL.String(); got != "gorm.io/driver/mysql" {
		t.Errorf("String() = %q", got)
	}
}
