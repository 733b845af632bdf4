package diff_test

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// These examples configure migrations/env.go as a team would, then show
// the upgrade autogenerate writes with that configuration, on PostgreSQL.

// reflected is what the database holds in the examples.
func reflected() model.Schema {
	return model.Schema{Tables: []model.Table{
		{
			Name: "users",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint"}},
				{Name: "nick", Type: model.Type{SQL: "character varying(40)"}},
				{Name: "status", Type: model.Type{SQL: "text"}, Default: "'active'::text"},
			},
			PrimaryKey: model.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
			Indexes: []model.Index{{Name: "ix_legacy_users_nick", Method: "btree",
				Parts: []model.IndexPart{{Column: "nick"}}}},
		},
		{
			Name:       "audit_log",
			Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}}},
			PrimaryKey: model.PrimaryKey{Name: "audit_log_pkey", Columns: []string{"id"}},
		},
	}}
}

// User is the model in the examples.
type User struct {
	ID     int64  `db:"id,pk,noautoincrement"`
	Nick   string `db:"nick,size=80"`
	Status string `db:"status,default='active'"`
}

// TableName names the table.
func (User) TableName() string { return "users" }

// autogenerate prints the upgrade Compare gives for the Env's models and
// options.
func autogenerate(env *migrate.Env) {
	target, err := load.Models(env.Models, load.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	opts, _ := env.Compare.(diff.Options) // env.go's Compare holds a diff.Options (nil: the zero value)
	up, err := diff.Compare(reflected(), target, postgres.New(), opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	if len(up) == 0 {
		fmt.Println("no changes")
	}
	for _, op := range up {
		fmt.Println(ops.Describe(op))
	}
}

// The default comparison: every difference is an op.
func ExampleOptions() {
	autogenerate(&migrate.Env{Dialect: "postgres", Models: []any{User{}}})
	// Output:
	// users: drop index ix_legacy_users_nick (nick) USING btree
	// users: alter column nick: type character varying(40) -> character varying(80)
	// drop table audit_log
}

// CompareType decides which type changes matter; undecided pairs fall back
// to the default comparison. Here a longer varchar is not worth a migration.
func ExampleOptions_compareType() {
	env := &migrate.Env{
		Dialect: "postgres",
		Models:  []any{User{}},
		Compare: diff.Options{
			CompareType: func(ctx diff.CompareContext, inspected, metadata model.Column) (changed, decided bool) {
				ib, _ := model.SplitType(ctx.Dialect.NormalizeType(inspected.Type.SQL))
				mb, _ := model.SplitType(ctx.Dialect.NormalizeType(metadata.Type.SQL))
				if ib == mb && strings.Contains(ib, "char") {
					return false, true // only the length differs: not a change
				}
				return false, false // let retort decide
			},
			IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
				return kind != diff.KindTable || name != "audit_log"
			},
		},
	}
	autogenerate(env)
	// Output:
	// users: drop index ix_legacy_users_nick (nick) USING btree
}

// CompareServerDefault decides which default changes matter, given the
// reflected and the models' default text.
func ExampleOptions_compareServerDefault() {
	type Account struct {
		ID     int64  `db:"id,pk,noautoincrement"`
		Status string `db:"status,default='open'"`
	}
	current := model.Schema{Tables: []model.Table{{Name: "account", Columns: []model.Column{
		{Name: "id", Type: model.Type{SQL: "bigint"}},
		{Name: "status", Type: model.Type{SQL: "text"}, Default: "'OPEN'::text"},
	}, PrimaryKey: model.PrimaryKey{Name: "account_pkey", Columns: []string{"id"}}}}}
	target, _ := load.Models([]any{Account{}}, load.Options{})

	opts := diff.Options{
		CompareServerDefault: func(_ diff.CompareContext, _, _ model.Column, inspected, metadata string) (changed, decided bool) {
			// Case differences in a text default are not a change.
			bare := func(s string) string { return strings.ToLower(strings.TrimSuffix(s, "::text")) }
			if bare(inspected) == bare(metadata) {
				return false, true
			}
			return false, false
		},
	}
	for _, o := range []diff.Options{{}, opts} {
		up, _ := diff.Compare(current, target, postgres.New(), o)
		fmt.Printf("%d op(s)\n", len(up))
	}
	// Output:
	// 1 op(s)
	// 0 op(s)
}

// IncludeName filters objects by name before they are compared; for
// tables it runs before reflection (the CLI passes IncludesTable to the
// inspector), so a refused table is never read, created or dropped.
func ExampleOptions_includeName() {
	env := &migrate.Env{
		Dialect: "postgres",
		Models:  []any{User{}},
		Compare: diff.Options{
			IncludeName: func(name string, kind diff.ObjectKind, parents diff.Parents) bool {
				switch kind {
				case diff.KindTable:
					return name != "audit_log" && !strings.HasPrefix(name, "tmp_")
				case diff.KindIndex:
					return !strings.HasPrefix(name, "ix_legacy_")
				}
				return true
			},
		},
	}
	autogenerate(env)
	fmt.Println(env.Compare.IncludesTable("", "tmp_import"))
	// Output:
	// users: alter column nick: type character varying(40) -> character varying(80)
	// false
}

// IncludeObject filters objects with the object in hand: reflected says
// it came from the database, compareTo is its match on the other side.
// Here indexes made by hand in the database (not in the models) stay.
func ExampleOptions_includeObject() {
	env := &migrate.Env{
		Dialect: "postgres",
		Models:  []any{User{}},
		Compare: diff.Options{
			IncludeObject: func(obj diff.Object, name string, kind diff.ObjectKind, reflected bool, compareTo diff.Object) bool {
				if ix, ok := obj.(diff.IndexObject); ok && reflected && compareTo == nil {
					fmt.Printf("keeping %s on %s\n", ix.Name, ix.Table)
					return false
				}
				if t, ok := obj.(diff.TableObject); ok && reflected && compareTo == nil {
					return t.Name != "audit_log"
				}
				return true
			},
		},
	}
	autogenerate(env)
	// Output:
	// keeping ix_legacy_users_nick on users
	// users: alter column nick: type character varying(40) -> character varying(80)
}

// IncludeSchemas names the schemas compared besides the default one;
// tables of other schemas are left alone. The CLI reflects each listed
// schema and qualifies its tables with model.QualifySchema.
func ExampleOptions_includeSchemas() {
	current := reflected()
	billing := model.Schema{Tables: []model.Table{{Name: "invoices",
		Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}}},
		PrimaryKey: model.PrimaryKey{Name: "invoices_pkey", Columns: []string{"id"}}}}}
	model.QualifySchema(&billing, "billing") // as reflected with introspect.Options{Schema: "billing"}
	current.Tables = append(current.Tables, billing.Tables...)
	internal := model.Table{Schema: "internal", Name: "jobs",
		Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}}},
		PrimaryKey: model.PrimaryKey{Name: "jobs_pkey", Columns: []string{"id"}}}
	current.Tables = append(current.Tables, internal)

	type Invoice struct {
		_  struct{} `db:",table=invoices,schema=billing"`
		ID int64    `db:"id,pk,noautoincrement"`
		N  int32    `db:"n"`
	}
	target, _ := load.Models([]any{User{}, Invoice{}}, load.Options{})
	opts := diff.Options{
		IncludeSchemas: []string{"billing"},
		IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
			return name != "audit_log" && name != "ix_legacy_users_nick"
		},
	}
	up, _ := diff.Compare(current, target, postgres.New(), opts)
	for _, op := range up {
		fmt.Println(ops.Describe(op))
	}
	// Output:
	// users: alter column nick: type character varying(40) -> character varying(80)
	// billing.invoices: add column n integer NOT NULL
}

// A renamed_from hint in the models turns a drop and an add into a rename
// that keeps the data: on a column (renamed_from=OLD in its tag) and on a
// table (renamed_from=OLD on the blank table-options field). Once the
// database has the new name, the hint is ignored; it can stay or go.
func ExampleOptions_renamedFrom() {
	type Person struct {
		_      struct{} `db:",table=people,renamed_from=users"`
		ID     int64    `db:"id,pk,noautoincrement"`
		Handle string   `db:"handle,size=40,renamed_from=nick"`
		Status string   `db:"status,default='active'"`
	}
	target, _ := load.Models([]any{Person{}}, load.Options{})
	opts := diff.Options{IncludeName: func(name string, _ diff.ObjectKind, _ diff.Parents) bool {
		return name != "audit_log" && name != "ix_legacy_users_nick"
	}}
	up, _ := diff.Compare(reflected(), target, postgres.New(), opts)
	down, _, _ := ops.ReverseList(up)
	fmt.Println("upgrade:")
	for _, op := range up {
		fmt.Println("  " + ops.Describe(op))
	}
	fmt.Println("downgrade:")
	for _, op := range down {
		fmt.Println("  " + ops.Describe(op))
	}
	// Output:
	// upgrade:
	//   rename table users to people
	//   people: rename column nick to handle
	// downgrade:
	//   people: rename column handle to nick
	//   rename table people to users
}

// Comparators compare what retort does not know and return their own ops,
// appended after the built-in ones. Here every new table is granted to a
// reporting role.
func ExampleOptions_comparators() {
	grants := func(ctx diff.CompareContext, current, target model.Schema) ([]ops.Op, error) {
		var out []ops.Op
		for _, t := range target.Tables {
			if _, ok := current.Table(t.Schema, t.Name); ok {
				continue
			}
			name := ctx.Dialect.QuoteIdent(t.Name)
			out = append(out, ops.Execute{
				SQL:     "GRANT SELECT ON " + name + " TO reporting",
				DownSQL: "REVOKE SELECT ON " + name + " FROM reporting",
			})
		}
		return out, nil
	}
	type Report struct {
		ID int64 `db:"id,pk"`
	}
	env := &migrate.Env{
		Dialect: "postgres",
		Models:  []any{User{}, Report{}},
		Compare: diff.Options{
			IgnoreTypes: true,
			IncludeName: func(name string, _ diff.ObjectKind, _ diff.Parents) bool {
				return name != "audit_log" && name != "ix_legacy_users_nick"
			},
			Comparators: []diff.Comparator{grants},
		},
	}
	autogenerate(env)
	// Output:
	// create table report (1 column)
	// execute: GRANT SELECT ON report TO reporting
}
