package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// identityLike is testDialect with an option naming an index, as
// PostgreSQL's REPLICA IDENTITY USING INDEX does.
type identityLike struct{ testDialect }

func (identityLike) OptionIndex(o model.TableOption) (index, release string, ok bool) {
	index, ok = strings.CutPrefix(o.Value, "USING INDEX ")
	return index, "", ok && o.Name == "REPLICA_IDENTITY"
}

// TestIndexOptionsFollowTheirIndex: an option naming an index is set
// only while the index exists, in the upgrade and in its reverse: a new
// table gets it after its indexes, a dropped one lets it go before them,
// and a kept table lets it go before its index is dropped (or dropped and
// created again) and sets it after the create.
func TestIndexOptionsFollowTheirIndex(t *testing.T) {
	uix := func(name string, cols ...string) model.Index {
		ix := model.Index{Name: name, Unique: true}
		for _, c := range cols {
			ix.Parts = append(ix.Parts, model.IndexPart{Column: c})
		}
		return ix
	}
	tbl := func(name, identity string, ixs ...model.Index) model.Table {
		t := model.Table{Name: name, Indexes: ixs, Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "int"}}, {Name: "k", Type: model.Type{SQL: "int"}},
		}}
		if identity != "" {
			t.Options = []model.TableOption{{Name: "REPLICA_IDENTITY", Value: identity}}
		}
		return t
	}
	// keyed gives t the primary key t_pkey on cols, uniqued the unique
	// constraint t_uq.
	keyed := func(t model.Table, cols ...string) model.Table {
		t.PrimaryKey = model.PrimaryKey{Name: t.Name + "_pkey", Columns: cols}
		return t
	}
	uniqued := func(t model.Table, cols ...string) model.Table {
		t.Uniques = []model.Unique{{Name: t.Name + "_uq", Columns: cols}}
		return t
	}
	cases := []struct {
		name     string
		cur, tgt []model.Table
		want     string // the upgrade's ops, in order
	}{
		{
			name: "new table",
			tgt:  []model.Table{tbl("t", "USING INDEX t_id", uix("t_id", "id"))},
			want: "create table t (2 columns)\nt: create unique index t_id (id)\nt: set options REPLICA_IDENTITY= -> REPLICA_IDENTITY=USING INDEX t_id",
		},
		{
			name: "dropped table",
			cur:  []model.Table{tbl("t", "USING INDEX t_id", uix("t_id", "id"))},
			want: "t: set options REPLICA_IDENTITY=USING INDEX t_id -> REPLICA_IDENTITY=\nt: drop index t_id (id)\ndrop table t",
		},
		{
			name: "kept table switches to a new index",
			cur:  []model.Table{tbl("t", "")},
			tgt:  []model.Table{tbl("t", "USING INDEX t_id", uix("t_id", "id"))},
			want: "t: create unique index t_id (id)\nt: set options none -> REPLICA_IDENTITY=USING INDEX t_id",
		},
		{
			name: "kept table's identity index is created again",
			cur:  []model.Table{tbl("t", "USING INDEX t_key", uix("t_key", "id"))},
			tgt:  []model.Table{tbl("t", "USING INDEX t_key", uix("t_key", "id", "k"))},
			want: "t: set options REPLICA_IDENTITY=USING INDEX t_key -> REPLICA_IDENTITY=\nt: drop index t_key (id)\nt: create unique index t_key (id, k)\nt: set options REPLICA_IDENTITY= -> REPLICA_IDENTITY=USING INDEX t_key",
		},
		{
			name: "kept table moves its identity to another index",
			cur:  []model.Table{tbl("t", "USING INDEX t_a", uix("t_a", "id"))},
			tgt:  []model.Table{tbl("t", "USING INDEX t_b", uix("t_b", "id", "k"))},
			want: "t: set options REPLICA_IDENTITY=USING INDEX t_a -> REPLICA_IDENTITY=\nt: drop index t_a (id)\nt: create unique index t_b (id, k)\nt: set options REPLICA_IDENTITY= -> REPLICA_IDENTITY=USING INDEX t_b",
		},
		{
			name: "kept table's identity primary key is dropped and added again",
			cur:  []model.Table{keyed(tbl("t", "USING INDEX t_pkey"), "id")},
			tgt:  []model.Table{keyed(tbl("t", "USING INDEX t_pkey"), "id", "k")},
			want: "t: set options REPLICA_IDENTITY=USING INDEX t_pkey -> REPLICA_IDENTITY=\nt: drop primary key t_pkey (id)\nt: add primary key t_pkey (id, k)\nt: set options REPLICA_IDENTITY= -> REPLICA_IDENTITY=USING INDEX t_pkey",
		},
		{
			name: "kept table's identity primary key is dropped",
			cur:  []model.Table{keyed(tbl("t", "USING INDEX t_pkey"), "id")},
			tgt:  []model.Table{tbl("t", "")},
			want: "t: set options REPLICA_IDENTITY=USING INDEX t_pkey -> REPLICA_IDENTITY=\nt: drop primary key t_pkey (id)",
		},
		{
			name: "kept table's identity unique constraint is dropped and added again",
			cur:  []model.Table{uniqued(tbl("t", "USING INDEX t_uq"), "id")},
			tgt:  []model.Table{uniqued(tbl("t", "USING INDEX t_uq"), "id", "k")},
			want: "t: set options REPLICA_IDENTITY=USING INDEX t_uq -> REPLICA_IDENTITY=\nt: drop unique t_uq (id)\nt: add unique t_uq (id, k)\nt: set options REPLICA_IDENTITY= -> REPLICA_IDENTITY=USING INDEX t_uq",
		},
		{
			name: "kept table's other index goes, its identity primary key stays",
			cur:  []model.Table{keyed(tbl("t", "USING INDEX t_pkey", uix("t_k", "k")), "id")},
			tgt:  []model.Table{keyed(tbl("t", "USING INDEX t_pkey"), "id")},
			want: "t: drop index t_k (k)",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cur, tgt := model.Schema{Tables: tc.cur}, model.Schema{Tables: tc.tgt}
			up, err := diff.Compare(cur, tgt, identityLike{}, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, op := range up {
				got = append(got, firstLine(ops.Describe(op)))
			}
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("upgrade:\n%s\nwant:\n%s", g, tc.want)
			}
			down, _, ok := ops.ReverseList(up)
			if !ok {
				t.Fatal("upgrade not reversible")
			}
			identityHeld(t, "upgrade", cur, up)
			identityHeld(t, "downgrade", tgt, down)
		})
	}
}

// firstLine is the first line of s.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// identityHeld applies list to s and fails when, after an op, an option
// names an index its table does not have (PostgreSQL refuses to set it,
// or drops the index from under it).
func identityHeld(t *testing.T, dir string, s model.Schema, list []ops.Op) {
	t.Helper()
	s = s.Clone()
	for _, op := range list {
		if err := ops.Apply(&s, op); err != nil {
			t.Fatalf("%s: apply %s: %v", dir, ops.Describe(op), err)
		}
		for _, tb := range s.Tables {
			v, _ := tb.Option("REPLICA_IDENTITY")
			ix, ok := strings.CutPrefix(v, "USING INDEX ")
			if !ok {
				continue
			}
			if !indexed(&tb, ix) {
				t.Errorf("%s: after %q, %s names index %s, which it does not have", dir, firstLine(ops.Describe(op)), tb.Name, ix)
			}
		}
	}
}

// indexed reports whether t has an index named ix: an index, or the one
// PostgreSQL builds for a unique constraint or the primary key under its
// name.
func indexed(t *model.Table, ix string) bool {
	if _, has := t.Index(ix); has {
		return true
	}
	for _, u := range t.Uniques {
		if u.Name == ix {
			return true
		}
	}
	return len(t.PrimaryKey.Columns) > 0 && t.PrimaryKey.Name == ix
}
