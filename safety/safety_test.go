package safety_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
	"github.com/retortdb/retort/safety"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func dialectOf(name string) dialect.Dialect {
	switch name {
	case "postgres":
		return postgres.New()
	case "mysql":
		return mysql.New()
	}
	return sqlite.New()
}

func col(name, typ string, nullable bool) model.Column {
	return model.Column{Name: name, Type: model.Type{SQL: typ}, Nullable: nullable}
}

func alterType(table, name, from, to string) ops.AlterColumn {
	return ops.AlterColumn{Table: table, Change: ops.ChangeType, From: col(name, from, true), To: col(name, to, true)}
}

func usersTable() model.Table {
	return model.Table{
		Name:       "users",
		Columns:    []model.Column{col("id", "bigint", false), col("email", "varchar(255)", false), col("bio", "text", true), col("team_id", "bigint", true)},
		PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
		Indexes: []model.Index{
			{Name: "ix_users_email", Parts: []model.IndexPart{{Column: "email"}}},
			{Name: "ix_users_team_id", Parts: []model.IndexPart{{Column: "team_id"}}},
		},
	}
}

// constraintOps adds rules existing rows can break.
func constraintOps() []ops.Op {
	return []ops.Op{
		ops.AddColumn{Table: "users", Column: col("nick", "varchar(40)", false)},
		ops.AlterColumn{Table: "users", Change: ops.ChangeNullable, From: col("bio", "text", true), To: col("bio", "text", false)},
		ops.AddUnique{Table: "users", Unique: model.Unique{Name: "uq_users_email", Columns: []string{"email"}}},
		ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_team_id_email", Unique: true, Parts: []model.IndexPart{{Column: "team_id"}, {Column: "email"}}}},
		ops.AddCheck{Table: "users", Check: model.Check{Name: "ck_users_email", Expr: "email <> ''"}},
		ops.AddForeignKey{Table: "users", ForeignKey: model.ForeignKey{Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}}},
	}
}

// quietOps are ops on a table created in the same list, and safe changes.
func quietOps(d string) []ops.Op {
	list := []ops.Op{
		ops.CreateTable{Table: model.Table{Name: "notes", Columns: []model.Column{col("id", "bigint", false), col("body", "text", true)}, PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}}},
		ops.AddColumn{Table: "notes", Column: col("title", "varchar(80)", false)},
		ops.CreateIndex{Table: "notes", Index: model.Index{Name: "ix_notes_title", Unique: true, Parts: []model.IndexPart{{Column: "title"}}}},
		ops.AddColumn{Table: "users", Column: col("motto", "text", true)},
		ops.AddColumn{Table: "users", Column: model.Column{Name: "score", Type: model.Type{SQL: "integer"}, Default: "0"}},
		ops.RenameColumn{Table: "users", From: "bio", To: "about"},
	}
	switch d {
	case "postgres":
		list = append(list,
			alterType("users", "email", "varchar(100)", "varchar(255)"),
			alterType("users", "nick", "varchar(40)", "text"),
			alterType("users", "balance", "numeric(10,2)", "numeric(12,2)"),
			ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_motto", Parts: []model.IndexPart{{Column: "motto"}}}, Concurrently: true},
		)
	case "mysql":
		list = append(list,
			alterType("users", "code", "varchar(20)", "varchar(60)"),
			ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_motto", Parts: []model.IndexPart{{Column: "motto", Length: 20}}}},
		)
	case "sqlite":
		list = append(list,
			ops.DropIndex{Table: "users", Index: model.Index{Name: "ix_users_team_id", Parts: []model.IndexPart{{Column: "team_id"}}}},
			ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_motto", Parts: []model.IndexPart{{Column: "motto"}}}},
		)
	}
	return list
}

type analyzeCase struct {
	name    string
	dialect string
	current *model.Schema
	ops     []ops.Op
	// want lists "op-index kind" of every finding, in order.
	want []string
}

func cases() []analyzeCase {
	current := &model.Schema{Tables: []model.Table{usersTable()}}
	dataLoss := []ops.Op{
		ops.DropTable{Table: model.Table{Name: "audit", Columns: []model.Column{col("id", "bigint", false), col("what", "text", true)}}},
		ops.DropColumn{Table: "users", Column: col("bio", "text", true)},
		alterType("users", "email", "varchar(255)", "varchar(50)"),
		alterType("users", "id", "bigint", "int"),
		alterType("users", "balance", "numeric(10,2)", "numeric(8,2)"),
		alterType("users", "bio", "text", "varchar(100)"),
		alterType("users", "age", "text", "integer"),
	}
	return []analyzeCase{
		{name: "postgres_data_loss", dialect: "postgres", ops: append(dataLoss,
			ops.CreateEnum{Enum: model.Enum{Name: "mood_v2", Values: []string{"sad", "happy"}}},
			ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: model.Column{Name: "mood", Type: model.Type{SQL: "mood", Enum: "mood"}, Nullable: true}, To: model.Column{Name: "mood", Type: model.Type{SQL: "mood_v2", Enum: "mood_v2"}, Nullable: true}},
			ops.DropEnum{Enum: model.Enum{Name: "mood", Values: []string{"sad", "ok", "happy"}}},
		), want: []string{"0 data-loss", "1 data-loss",
			"2 data-loss", "2 lock", "3 data-loss", "3 lock", "4 data-loss", "4 lock", "5 data-loss", "5 lock", "6 data-loss", "6 lock",
			"8 data-loss", "8 lock"}},
		{name: "mysql_data_loss", dialect: "mysql", ops: append(dataLoss,
			alterType("users", "mood", "enum('sad','ok','happy')", "enum('sad','happy')"),
		), want: []string{"0 data-loss", "1 data-loss",
			"2 data-loss", "2 lock", "3 data-loss", "3 lock", "4 data-loss", "4 lock", "5 data-loss", "5 lock", "6 data-loss", "6 lock",
			"7 data-loss", "7 lock"}},
		{name: "sqlite_data_loss", dialect: "sqlite", current: current, ops: dataLoss,
			want: []string{"0 data-loss", "1 data-loss", "2 rebuild", "6 data-loss"}}, // 2-6: one rebuild; 6: text -> integer rewrites '007' as 7
		{name: "postgres_fails_on_rows", dialect: "postgres", ops: constraintOps(),
			want: []string{"0 fails-on-rows", "1 fails-on-rows", "1 lock", "2 fails-on-rows", "2 lock", "3 fails-on-rows", "3 lock", "4 fails-on-rows", "4 lock", "5 fails-on-rows", "5 lock"}},
		{name: "mysql_fails_on_rows", dialect: "mysql", ops: constraintOps(),
			want: []string{"0 fails-on-rows", "1 fails-on-rows", "1 lock", "2 fails-on-rows", "3 fails-on-rows", "4 fails-on-rows", "4 lock", "5 fails-on-rows", "5 lock"}},
		{name: "sqlite_fails_on_rows", dialect: "sqlite", current: current, ops: constraintOps(),
			want: []string{"0 fails-on-rows", "0 rebuild", "1 fails-on-rows", "2 fails-on-rows", "3 fails-on-rows", "4 fails-on-rows", "5 fails-on-rows"}}, // one rebuild
		{name: "postgres_locks", dialect: "postgres", ops: []ops.Op{
			ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_bio", Parts: []model.IndexPart{{Column: "bio"}}}},
			alterType("users", "team_id", "integer", "bigint"),
			alterType("users", "created_at", "timestamp", "timestamptz"),
			ops.AddColumn{Table: "users", Column: model.Column{Name: "token", Type: model.Type{SQL: "uuid"}, Default: "gen_random_uuid()"}},
		}, want: []string{"0 lock", "1 lock", "2 lock", "3 lock"}},
		{name: "mysql_locks", dialect: "mysql", ops: []ops.Op{
			alterType("users", "code", "varchar(50)", "varchar(100)"),
			alterType("users", "team_id", "int", "bigint"),
			ops.AlterColumn{Table: "users", Change: ops.ChangeNullable, From: col("bio", "text", false), To: col("bio", "text", true)},
			ops.DropPrimaryKey{Table: "users", PrimaryKey: model.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}}},
			ops.SetTableOptions{Table: "users", From: []model.TableOption{{Name: "ENGINE", Value: "MyISAM"}}, To: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}},
		}, want: []string{"0 lock", "1 lock", "2 lock", "3 lock", "4 lock"}},
		{name: "sqlite_rebuilds", dialect: "sqlite", current: current, ops: []ops.Op{
			alterType("users", "bio", "text", "varchar(80)"),
			ops.DropColumn{Table: "users", Column: col("team_id", "bigint", true)},
			ops.DropForeignKey{Table: "users", ForeignKey: model.ForeignKey{Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}}},
			ops.AddColumn{Table: "users", Column: model.Column{Name: "seen_at", Type: model.Type{SQL: "timestamp"}, Nullable: true, Default: "CURRENT_TIMESTAMP"}},
		}, want: []string{"0 rebuild", "1 data-loss"}}, // one rebuild for the four
		// An enum value added on SQLite: its CHECK is swapped in one rebuild,
		// and a wider IN list fails no row; taking the value out again can.
		{name: "sqlite_enum_value", dialect: "sqlite", current: current, ops: []ops.Op{
			ops.DropCheck{Table: "users", Check: model.Check{Name: "ck_users_mood", Expr: "mood IN ('sad', 'ok')"}},
			ops.AddCheck{Table: "users", Check: model.Check{Name: "ck_users_mood", Expr: "\"mood\" in ('sad', 'ok', 'happy')"}},
		}, want: []string{"0 rebuild"}},
		{name: "sqlite_enum_value_removed", dialect: "sqlite", current: current, ops: []ops.Op{
			ops.DropCheck{Table: "users", Check: model.Check{Name: "ck_users_mood", Expr: "mood IN ('sad', 'ok', 'happy')"}},
			ops.AddCheck{Table: "users", Check: model.Check{Name: "ck_users_mood", Expr: "mood IN ('sad', 'ok')"}},
		}, want: []string{"0 rebuild", "1 fails-on-rows"}},
		{name: "postgres_quiet", dialect: "postgres", ops: quietOps("postgres")},
		{name: "mysql_quiet", dialect: "mysql", ops: quietOps("mysql")},
		{name: "sqlite_quiet", dialect: "sqlite", current: current, ops: quietOps("sqlite")},
	}
}

func TestAnalyze(t *testing.T) {
	t.Parallel()
	for _, tc := range cases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := dialectOf(tc.dialect)
			fs := safety.Analyze(tc.ops, d, safety.Options{Current: tc.current})
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%d %s", f.Op, f.Kind))
				if f.Rows != -1 {
					t.Errorf("finding %v: Rows = %d before counting, want -1", f, f.Rows)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%s", diff, dump(fs))
			}
			golden(t, tc.name, renderWith(t, tc.ops, d, tc.current))
		})
	}
}

// renderWith renders a revision of list, its findings and those of its
// reverse as comments.
func renderWith(t *testing.T, list []ops.Op, d dialect.Dialect, current *model.Schema) []byte {
	t.Helper()
	down, _, ok := ops.ReverseList(list)
	if !ok {
		down = nil
	}
	up := safety.Analyze(list, d, safety.Options{Current: current})
	rev := render.Revision{
		Header:            ops.Header{ID: "c0ffee000001", Revises: "c0ffee000000", Message: "safety case"},
		CreateDate:        time.Date(2026, 11, 22, 10, 4, 51, 0, time.UTC),
		Autogenerated:     true,
		UpgradeComments:   safety.Comments(up),
		DowngradeComments: safety.Comments(safety.Analyze(down, d, safety.Options{})),
	}
	if safety.Has(up, safety.DataLoss) {
		rev.NeedsReview = []string{safety.DataLoss.String()}
	}
	src, err := render.File(rev, list, down)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func dump(fs []safety.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d %s %s %s: %s\n", f.Op, f.Kind, f.Severity, f.Object, f.Message)
	}
	return b.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./safety -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got), run go test ./safety -update:\n%s", path, diff)
	}
}

func TestKindNames(t *testing.T) {
	t.Parallel()
	for k := safety.DataLoss; k <= safety.Rebuild; k++ {
		got, ok := safety.ParseKind(k.String())
		if !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", k.String(), got, ok, k)
		}
	}
	if _, ok := safety.ParseKind("nope"); ok {
		t.Error(`ParseKind("nope") succeeded`)
	}
}

func TestIgnore(t *testing.T) {
	t.Parallel()
	fs := safety.Analyze(constraintOps(), postgres.New(), safety.Options{Ignore: []safety.Kind{safety.Lock}})
	if safety.Has(fs, safety.Lock) {
		t.Errorf("Ignore: Lock findings reported:\n%s", dump(fs))
	}
	if !safety.Has(fs, safety.FailsOnRows) {
		t.Error("Ignore dropped other kinds")
	}
}

// TestFindingOrder: within one op, findings come in the order Analyze
// documents (data loss, fails on rows, lock, rebuild), the rules every
// dialect shares before the dialect's own risks.
func TestFindingOrder(t *testing.T) {
	t.Parallel()
	op := ops.AlterColumn{Table: "users", Change: ops.ChangeType | ops.ChangeNullable,
		From: col("nick", "varchar(100)", true), To: col("nick", "varchar(50)", false)}
	for _, tc := range []struct {
		dialect string
		want    []safety.Kind
	}{
		{"postgres", []safety.Kind{safety.DataLoss, safety.FailsOnRows, safety.Lock, safety.Lock}},
		{"mysql", []safety.Kind{safety.DataLoss, safety.FailsOnRows, safety.Lock}},
		{"sqlite", []safety.Kind{safety.FailsOnRows, safety.Rebuild}},
	} {
		var got []safety.Kind
		for _, f := range safety.Analyze([]ops.Op{op}, dialectOf(tc.dialect), safety.Options{}) {
			got = append(got, f.Kind)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: kinds (-want +got):\n%s", tc.dialect, diff)
		}
	}
}
