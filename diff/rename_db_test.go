package diff_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/opstest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/ops"
)

// The models before and after: members becomes people (table hint), its
// nick column becomes handle (column hint), and notes keeps pointing at it.
type memberV1 struct {
	_    struct{} `db:",table=members"`
	ID   int64    `db:"id,pk"`
	Nick string   `db:"nick,size=40"`
	Note *string  `db:"note,size=100"`
}

type noteV1 struct {
	_        struct{} `db:",table=notes"`
	ID       int64    `db:"id,pk"`
	MemberID int64    `db:"member_id,fk=members.id"`
	Body     string   `db:"body,size=100"`
}

type memberV2 struct {
	_      struct{} `db:",table=people,renamed_from=members"`
	ID     int64    `db:"id,pk"`
	Handle string   `db:"handle,size=40,renamed_from=nick"`
	Note   *string  `db:"note,size=100"`
}

type noteV2 struct {
	_        struct{} `db:",table=notes"`
	ID       int64    `db:"id,pk"`
	MemberID int64    `db:"member_id,fk=people.id"`
	Text     string   `db:"text,size=100,renamed_from=body"`
}

// dbRig is a test database with its dialect and inspector.
type dbRig struct {
	t  *testing.T
	db *testdb.DB
	be backend.Backend
}

func newDBRig(t *testing.T, d string) *dbRig {
	t.Helper()
	db := testdb.Open(t, d)
	be, err := backend.Lookup(d)
	if err != nil {
		t.Fatal(err)
	}
	if be, err = be.ForServer(t.Context(), db.DB); err != nil {
		t.Fatal(err)
	}
	return &dbRig{t: t, db: db, be: be}
}

func (r *dbRig) compare(models ...any) []ops.Op {
	r.t.Helper()
	target, err := load.Models(models, load.Options{})
	if err != nil {
		r.t.Fatal(err)
	}
	current, err := r.be.Inspector.Inspect(r.t.Context(), r.db.DB, introspect.Options{})
	if err != nil {
		r.t.Fatalf("inspect: %v", err)
	}
	list, err := diff.Compare(current, target, r.be.Dialect, diff.Options{})
	if err != nil {
		r.t.Fatalf("compare: %v", err)
	}
	return list
}

// apply runs ops on the rig's database (see testdb.Apply).
func (r *dbRig) apply(list []ops.Op) {
	r.t.Helper()
	opstest.Apply(r.t, r.db.DB, r.be, list)
}

func (r *dbRig) exec(q string) {
	r.t.Helper()
	if _, err := r.db.ExecContext(r.t.Context(), q); err != nil {
		r.t.Fatalf("%s: %v", q, err)
	}
}

// rows returns the query's rows, one "a|b|c" line each (NULL as <nil>).
func (r *dbRig) rows(q string) string {
	r.t.Helper()
	rs, err := r.db.QueryContext(r.t.Context(), q)
	if err != nil {
		r.t.Fatalf("%s: %v", q, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var b strings.Builder
	for rs.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			r.t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('|')
			}
			if v.Valid {
				b.WriteString(v.String)
			} else {
				b.WriteString("<nil>")
			}
		}
		b.WriteByte('\n')
	}
	if err := rs.Err(); err != nil {
		r.t.Fatal(err)
	}
	return b.String()
}

func describeOps(list []ops.Op) string {
	var b strings.Builder
	for _, op := range list {
		fmt.Fprintf(&b, "%s\n", ops.Describe(op))
	}
	return b.String()
}

// TestRenameHintsKeepData: on every configured database, rename hints
// give renames that keep the rows; comparing again gives nothing; the
// reversed ops bring the old names back with the rows.
func TestRenameHintsKeepData(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			r := newDBRig(t, d)
			r.apply(r.compare(memberV1{}, noteV1{}))
			r.exec("INSERT INTO members (id, nick, note) VALUES (1, 'ann', 'first'), (2, 'bob', NULL)")
			r.exec("INSERT INTO notes (id, member_id, body) VALUES (10, 1, 'hello'), (11, 2, 'hi')")

			up := r.compare(memberV2{}, noteV2{})
			for _, op := range up {
				switch op.(type) {
				case ops.DropTable, ops.DropColumn, ops.CreateTable, ops.AddColumn:
					t.Errorf("the upgrade drops or creates instead of renaming:\n%s", describeOps(up))
				}
			}
			var renames []string
			for _, op := range up {
				switch op.(type) {
				case ops.RenameTable, ops.RenameColumn:
					renames = append(renames, ops.Describe(op))
				}
			}
			wantRenames := []string{"rename table members to people", "notes: rename column body to text", "people: rename column nick to handle"}
			if diff := gocmp.Diff(wantRenames, renames); diff != "" {
				t.Errorf("renames (-want +got):\n%s\nall ops:\n%s", diff, describeOps(up))
			}
			r.apply(up)

			wantPeople := "1|ann|first\n2|bob|<nil>\n"
			if got := r.rows("SELECT id, handle, note FROM people ORDER BY id"); got != wantPeople {
				t.Errorf("people rows = %q, want %q", got, wantPeople)
			}
			wantNotes := "10|1|hello\n11|2|hi\n"
			if got := r.rows("SELECT id, member_id, text FROM notes ORDER BY id"); got != wantNotes {
				t.Errorf("notes rows = %q, want %q", got, wantNotes)
			}
			if again := r.compare(memberV2{}, noteV2{}); len(again) > 0 {
				t.Errorf("comparing again after the renames gives:\n%s", describeOps(again))
			}

			down, at, ok := ops.ReverseList(up)
			if !ok {
				t.Fatalf("op %d (%s) has no reverse", at, ops.Describe(up[at]))
			}
			r.apply(down)
			if got := r.rows("SELECT id, nick, note FROM members ORDER BY id"); got != wantPeople {
				t.Errorf("members rows after downgrade = %q, want %q", got, wantPeople)
			}
			if got := r.rows("SELECT id, member_id, body FROM notes ORDER BY id"); got != wantNotes {
				t.Errorf("notes rows after downgrade = %q, want %q", got, wantNotes)
			}
			if again := r.compare(memberV1{}, noteV1{}); len(again) > 0 {
				t.Errorf("comparing with the old models after the downgrade gives:\n%s", describeOps(again))
			}
		})
	}
}
