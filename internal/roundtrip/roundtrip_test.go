package roundtrip

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

type rig struct {
	t  *testing.T
	db *testdb.DB
	be backend.Backend
}

func newRig(t *testing.T, d string) *rig {
	db := testdb.Open(t, d)
	be, err := backend.Lookup(d)
	if err != nil {
		t.Fatal(err)
	}
	be, err = be.ForServer(context.Background(), db.DB)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, db: db, be: be}
}

func (r *rig) reflect() model.Schema {
	r.t.Helper()
	s, err := r.be.Inspector.Inspect(context.Background(), r.db.DB, introspect.Options{})
	if err != nil {
		r.t.Fatalf("inspect: %v", err)
	}
	return s
}

func (r *rig) compare(target model.Schema) []ops.Op {
	r.t.Helper()
	list, err := diff.Compare(r.reflect(), target, r.be.Dialect, diff.Options{})
	if err != nil {
		r.t.Fatalf("compare: %v", err)
	}
	return list
}

// apply runs ops in one transaction where the dialect allows it, reading
// live tables through it for rebuilds, with the dialect's connection setup.
func (r *rig) apply(list []ops.Op) {
	r.t.Helper()
	ctx := context.Background()
	conn, err := r.db.Conn(ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	defer conn.Close()
	setup, _ := r.be.Dialect.(dialect.ConnSetup)
	if setup != nil {
		for _, q := range setup.BeforeTx() {
			mustExec(r.t, ctx, conn, q)
		}
		defer func() {
			for _, q := range setup.AfterTx() {
				mustExec(r.t, ctx, conn, q)
			}
		}()
	}
	var q interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	} = conn
	var tx *sql.Tx
	if r.be.Dialect.TransactionalDDL() {
		if tx, err = conn.BeginTx(ctx, nil); err != nil {
			r.t.Fatal(err)
		}
		q = tx
	}
	tables := dialect.TableSourceFunc(func(ctx context.Context, schema, name string) (model.Table, bool, error) {
		s, err := r.be.Inspector.Inspect(ctx, q, introspect.Options{Schema: schema, IncludeTable: func(n string) bool { return n == name }})
		if err != nil {
			return model.Table{}, false, err
		}
		t, ok := s.Table("", name)
		return t, ok, nil
	})
	for i, op := range list {
		stmts, err := r.be.Dialect.Statements(ctx, op, tables)
		if err != nil {
			r.t.Fatalf("op %d (%s): %v", i+1, ops.Describe(op), err)
		}
		for _, st := range stmts {
			if _, err := q.ExecContext(ctx, st.SQL); err != nil {
				if tx != nil {
					tx.Rollback()
				}
				r.t.Fatalf("op %d (%s): %v\nSQL: %s", i+1, ops.Describe(op), err, st.SQL)
			}
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			r.t.Fatal(err)
		}
	}
}

func mustExec(t *testing.T, ctx context.Context, conn *sql.Conn, q string) {
	t.Helper()
	if _, err := conn.ExecContext(ctx, q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func describe(list []ops.Op) string {
	var b strings.Builder
	for _, op := range list {
		fmt.Fprintf(&b, "  %s\n", ops.Describe(op))
	}
	return b.String()
}

// TestModelsRoundTrip: a database created from the models compares equal to
// them; the reversed ops leave an empty database; and creating again from
// the reflected schema itself (as `retort inspect` would) converges too.
func TestModelsRoundTrip(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			target, err := model.Load(append(append([]any(nil), common...), extra[d]...), model.LoadOptions{})
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			r := newRig(t, d)
			up := r.compare(target)
			if len(up) == 0 {
				t.Fatal("an empty database compared equal to the models")
			}
			r.apply(up)
			if again := r.compare(target); len(again) != 0 {
				t.Fatalf("after applying the generated ops, compare is not empty:\n%s", describe(again))
			}
			reflected := r.reflect()

			// A second database built from the reflected schema reflects the same.
			r2 := newRig(t, d)
			r2.apply(r2.compare(reflected))
			if delta := cmp.Diff(reflected, r2.reflect()); delta != "" {
				t.Errorf("rebuilding from the reflected schema differs (-first +second):\n%s", delta)
			}

			down, bad, ok := ops.ReverseList(up)
			if !ok {
				t.Fatalf("op %d (%s) has no reverse", bad+1, ops.Describe(up[bad]))
			}
			r.apply(down)
			if s := r.reflect(); len(s.Tables) != 0 || len(s.Enums) != 0 {
				t.Errorf("after the downgrade the database still holds %d tables, %d enums", len(s.Tables), len(s.Enums))
			}
		})
	}
}
