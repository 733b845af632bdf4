package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
)

// ThingV1 has a legacy column; ThingV2 marks it skip_autogenerate;
// ThingV3 has no field for it.
type ThingV1 struct {
	ID     int64   `db:"id,pk"`
	Legacy *string `db:"legacy,type=varchar(20),index"`
	Name   string  `db:"name,type=varchar(50)"`
}

// TableName names the table.
func (ThingV1) TableName() string { return "things" }

// ThingV2 keeps legacy out of autogenerate.
type ThingV2 struct {
	ID     int64  `db:"id,pk"`
	Legacy string `db:"legacy,skip_autogenerate"`
	Name   string `db:"name,type=varchar(50)"`
}

// TableName names the table.
func (ThingV2) TableName() string { return "things" }

// ThingV3 has no legacy field.
type ThingV3 struct {
	ID   int64  `db:"id,pk"`
	Name string `db:"name,type=varchar(50)"`
}

// TableName names the table.
func (ThingV3) TableName() string { return "things" }

// TestSkipAutogenerate: a field marked skip_autogenerate keeps the
// database's column and its index out of the comparison on every dialect;
// without the field, the column would be dropped.
func TestSkipAutogenerate(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			env := &migrate.Env{Dialect: d, Models: []any{ThingV1{}},
				Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
			res, err := autogen.Revision(ctx, &gd, env, autogen.RevisionSpec{ID: "aaaa00000001", Message: "things", Autogenerate: true}, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			register(env, res.Files[0])
			if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			env.Models = []any{ThingV2{}}
			rep, err := autogen.Check(ctx, gd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.InSync() {
				t.Errorf("skip_autogenerate: drift %s", describe(rep.Ops))
			}
			env.Models = []any{ThingV3{}}
			if rep, err = autogen.Check(ctx, gd, env, autogen.Options{}); err != nil {
				t.Fatal(err)
			}
			if got := describe(rep.Ops); !strings.Contains(got, "drop column legacy") {
				t.Errorf("without the field: %s, want the column dropped", got)
			}
		})
	}
}
