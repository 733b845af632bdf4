package migrate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// identityRevision is a hand-written revision creating ledger with its
// replica identity on ledger_key; inline puts the option in
// op.CreateTable, else it is set after op.CreateIndex.
func identityRevision(id, parent string, inline bool) Revision {
	return Revision{
		ID: id, Revises: parent, Message: "ledger",
		Upgrade: func(op *Recorder) {
			items := []TableItem{op.Column("account_id", "bigint").NotNull(), op.Column("seq", "integer").NotNull()}
			if inline {
				items = append(items, op.Option("REPLICA_IDENTITY", "USING INDEX ledger_key"))
			}
			op.CreateTable("ledger", items...)
			op.CreateTable("notes", op.Column("id", "bigint"))
			op.CreateIndex("ledger_key", "ledger", "account_id", "seq").Unique()
			if !inline {
				op.SetTableOptions("ledger").From("REPLICA_IDENTITY", "").To("REPLICA_IDENTITY", "USING INDEX ledger_key")
			}
		},
		Downgrade: func(op *Recorder) {
			op.DropTable("notes")
			op.DropTable("ledger")
		},
	}
}

// TestPostgresIndexOptionInCreateTable: a hand-written op.CreateTable
// whose REPLICA_IDENTITY names an index a later op.CreateIndex creates is
// refused before any SQL runs (nothing is applied, the error names the
// table, the index and the fix), online and offline; written as the fix
// says, the revision runs and the server holds the identity.
func TestPostgresIndexOptionInCreateTable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	env := testEnv("postgres")
	env.Add(identityRevision("i1", "", true))
	_, err := Upgrade(ctx, db.DB, env, "head", Options{})
	var ie *IndexOptionError
	var me *MigrationError
	if !errors.As(err, &ie) || !errors.As(err, &me) {
		t.Fatalf("err = %v, want a *MigrationError wrapping an *IndexOptionError", err)
	}
	if ie.Table != "ledger" || ie.Index != "ledger_key" || ie.CreatedBy != 2 || me.OpIndex != 0 || me.SQL != "" {
		t.Errorf("error = %+v in %+v, want ledger's ledger_key, created by op 3, refused at op 1 before any SQL", ie, me)
	}
	for _, want := range []string{"table ledger", "names index ledger_key", "op 3 creates it later",
		`op.SetTableOptions("ledger").From("REPLICA_IDENTITY", "").To("REPLICA_IDENTITY", "USING INDEX ledger_key")`,
		"nothing of revision i1 was applied"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error text lacks %q:\n%v", want, err)
		}
	}
	if tables := tablesOf(t, db, env); len(tables) != 0 {
		t.Errorf("tables after the refused run = %v, want none", tables)
	}
	if _, err := SQL(ctx, env, "", "head", Up); !errors.As(err, &ie) {
		t.Errorf("offline SQL: err = %v, want an *IndexOptionError", err)
	}

	fixed := testEnv("postgres")
	fixed.Add(identityRevision("i1", "", false))
	if _, err := Upgrade(ctx, db.DB, fixed, "head", Options{}); err != nil {
		t.Fatal(err)
	}
	var ident, index string
	q := `SELECT c.relreplident, COALESCE((SELECT i.indexrelid::regclass::text FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident), '')
		FROM pg_class c WHERE c.oid = 'ledger'::regclass`
	if err := db.QueryRow(q).Scan(&ident, &index); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("i ledger_key", ident+" "+index); diff != "" {
		t.Errorf("ledger's replica identity (-want +got):\n%s", diff)
	}
}

// TestCheckIndexOptions: a CreateTable's option naming an index is
// refused when a later op creates that index, or when it names none of
// the indexes CREATE TABLE builds and all of those are named; it passes
// when it names the primary key's or a unique constraint's index, when an
// unnamed key may be the one, and on a dialect without the capability.
func TestCheckIndexOptions(t *testing.T) {
	t.Parallel()
	rev := func(up func(op *Recorder)) []ops.Op {
		list, err := Revision{ID: "r", Upgrade: up}.Record(Up)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	identity := func(op *Recorder, ix string) TableItem { return op.Option("REPLICA_IDENTITY", "USING INDEX "+ix) }
	cases := []struct {
		name    string
		dialect string
		up      func(op *Recorder)
		at, by  int // the CreateTable refused and the op creating the index; at -1: none refused
	}{
		{"index created later", "postgres", func(op *Recorder) {
			op.CreateTable("t", op.Column("id", "bigint").NotNull(), identity(op, "t_id"))
			op.CreateIndex("t_id", "t", "id").Unique()
		}, 0, 1},
		{"unique constraint added later", "postgres", func(op *Recorder) {
			op.CreateTable("a", op.Column("id", "bigint"))
			op.InSchema("s").CreateTable("t", op.Column("id", "bigint").NotNull(), identity(op, "t_uq"))
			op.CreateIndex("t_uq", "t", "id").Unique() // another schema's t
			op.InSchema("s").AddUnique("t_uq", "t", "id")
		}, 1, 3},
		{"no op creates it, keys named", "postgres", func(op *Recorder) {
			op.CreateTable("t", op.Column("id", "bigint").PrimaryKey(), identity(op, "t_other"))
		}, 0, -1},
		{"the primary key's index", "postgres", func(op *Recorder) {
			op.CreateTable("t", op.Column("id", "bigint").PrimaryKey(), identity(op, model.PrimaryKeyName("t")))
		}, -1, 0},
		{"an unnamed key may be it", "postgres", func(op *Recorder) {
			op.CreateTable("t", op.Column("id", "bigint").NotNull(), op.Unique("", "id"), identity(op, "t_id_key"))
		}, -1, 0},
		{"no capability", "sqlite", func(op *Recorder) {
			op.CreateTable("t", op.Column("id", "bigint").NotNull(), identity(op, "t_id"))
			op.CreateIndex("t_id", "t", "id").Unique()
		}, -1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			at, err := checkIndexOptions(testEnv(tc.dialect).Backend.Dialect, rev(tc.up))
			var ie *IndexOptionError
			switch {
			case tc.at < 0 && err != nil:
				t.Errorf("err = %v, want none", err)
			case tc.at >= 0 && (!errors.As(err, &ie) || at != tc.at || ie.CreatedBy != tc.by):
				t.Errorf("at %d: err = %#v, want an *IndexOptionError at op %d, created by op %d", at, err, tc.at, tc.by)
			}
		})
	}
}
