package autogen_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
)

// ExprIndexed has an expression index.
type ExprIndexed struct {
	_     struct{} `db:",index=ix_expr_indexed_lower(lower(email))"`
	ID    int64    `db:"id,pk"`
	Email string   `db:"email,type=varchar(100)"`
}

// PartialIndexed has a partial index.
type PartialIndexed struct {
	ID    int64   `db:"id,pk"`
	Email *string `db:"email,type=varchar(100),index,index_where=(email IS NOT NULL)"`
}

// InvisibleIndexed has an invisible index (MariaDB IGNORED).
type InvisibleIndexed struct {
	_     struct{} `db:",index=ix_invisible_indexed_email(email) invisible"`
	ID    int64    `db:"id,pk"`
	Email string   `db:"email,type=varchar(100)"`
}

// CommentPK has a primary key with a comment.
type CommentPK struct {
	_  struct{} `db:",pk_comment='surrogate'"`
	ID int64    `db:"id,pk"`
}

// CommentIndexed has an index with a comment.
type CommentIndexed struct {
	_     struct{} `db:",index=ix_comment_indexed_email(email) comment 'by email'"`
	ID    int64    `db:"id,pk"`
	Email string   `db:"email,type=varchar(100)"`
}

// ExcludeZone has an exclusion constraint (PostgreSQL's).
type ExcludeZone struct {
	_    struct{} `db:",exclude=exclude_zone_no_overlap(USING btree (id WITH =))"`
	ID   int64    `db:"id,pk"`
	Area string   `db:"area,type=varchar(100)"`
}

// CitextUser declares the extension its column's type needs.
type CitextUser struct {
	_    struct{} `db:",extension=citext"`
	ID   int64    `db:"id,pk"`
	Name string   `db:"name,type=varchar(100)"`
}

// LongColumn has a column name of 64 bytes.
type LongColumn struct {
	ID   int64  `db:"id,pk"`
	Long string `db:"a_column_name_that_is_exactly_sixty_four_bytes_long_xxxxxxxxxxxx,type=varchar(10)"`
}

// LongTable has a table name of 69 bytes.
type LongTable struct {
	ID int64 `db:"id,pk"`
}

// TableName names the table.
func (LongTable) TableName() string {
	return "a_table_name_that_is_longer_than_postgres_keeps_it_seventy_bytes_long"
}

// CaseColumns has two columns whose names differ only in case.
type CaseColumns struct {
	ID    int64  `db:"id,pk"`
	Upper string `db:"Foo,type=varchar(10)"`
	Lower string `db:"foo,type=varchar(10)"`
}

// UsersUpper and UsersLower map to tables whose names differ only in case.
type UsersUpper struct {
	ID int64 `db:"id,pk"`
}

// TableName names the table.
func (UsersUpper) TableName() string { return "Users" }

// UsersLower is the other one.
type UsersLower struct {
	ID int64 `db:"id,pk"`
}

// TableName names the table.
func (UsersLower) TableName() string { return "users" }

// OnConflict declares SQLite's ON CONFLICT clauses and a DESC key.
type OnConflict struct {
	Code   string `db:"code,type=varchar(20),pk,pk_desc,pk_onconflict=replace"`
	Handle string `db:"handle,type=varchar(20),notnull_onconflict=ignore,unique,unique_onconflict=fail"`
}

// TestCapabilitiesAtLoad checks that models the server cannot run as
// written are refused when they are read, naming the field (file:line)
// and the fix, before anything runs; and that a server that can run them
// is not refused.
func TestCapabilitiesAtLoad(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			mariaDB := d == "mysql" && strings.Contains(queryStrings(t, db, "SELECT VERSION()")[0], "MariaDB")
			tests := []struct {
				name    string
				models  []any
				refused bool
				want    []string // in the message when refused
			}{
				{"expression index", []any{ExprIndexed{}}, mariaDB,
					[]string{"autogen_test.ExprIndexed._ (capability_test.go:", "cannot index an expression", "generated=lower(email)"}},
				{"partial index", []any{PartialIndexed{}}, d == "mysql",
					[]string{"autogen_test.PartialIndexed.Email (capability_test.go:", "has no partial indexes", "drop the where clause"}},
				{"invisible index", []any{InvisibleIndexed{}}, d != "mysql",
					[]string{"autogen_test.InvisibleIndexed._ (capability_test.go:", "has no invisible indexes", "drop invisible"}},
				{"index comment", []any{CommentIndexed{}}, d == "sqlite",
					[]string{"autogen_test.CommentIndexed._ (capability_test.go:", "keeps no index comments", "drop the comment"}},
				{"primary key comment", []any{CommentPK{}}, d == "sqlite",
					[]string{"autogen_test.CommentPK", "keeps no constraint comments", "drop pk_comment="}},
				{"exclusion constraint", []any{ExcludeZone{}}, d != "postgres",
					[]string{"autogen_test.ExcludeZone._ (capability_test.go:", "has no exclusion constraints", "keep it in a PostgreSQL model"}},
				{"extension", []any{CitextUser{}}, d != "postgres",
					[]string{"autogen_test.CitextUser._ (capability_test.go:", "has no extensions", "drop extension=citext"}},
				{"long column name", []any{LongColumn{}}, d == "postgres",
					[]string{"autogen_test.LongColumn.Long (capability_test.go:", "is 64 bytes; PostgreSQL keeps 63", "at most 63 bytes"}},
				{"long table name", []any{LongTable{}}, d == "postgres",
					[]string{"autogen_test.LongTable (capability_test.go:", "is 69 bytes"}},
				{"columns differing in case", []any{CaseColumns{}}, d != "postgres",
					[]string{"autogen_test.CaseColumns.Lower (capability_test.go:", `column "Foo" and column "foo" differ only in case`}},
				{"SQLite's ON CONFLICT clauses and DESC key", []any{OnConflict{}}, d != "sqlite",
					[]string{"autogen_test.OnConflict.Handle (capability_test.go:", "NOT NULL ON CONFLICT IGNORE is SQLite's", "drop notnull_onconflict=",
						"PRIMARY KEY ON CONFLICT REPLACE", "UNIQUE ON CONFLICT FAIL", "drop pk_desc"}},
				{"tables differing in case", []any{UsersUpper{}, UsersLower{}}, d != "postgres",
					[]string{"autogen_test.UsersLower (capability_test.go:", `table "Users" and table "users" differ only in case`}},
			}
			for _, tt := range tests {
				env := &migrate.Env{Dialect: d, Models: tt.models,
					Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
				_, err := autogen.Compare(ctx, gd, env, autogen.Options{PackageDirs: thisDir})
				switch {
				case !tt.refused && err != nil:
					t.Errorf("%s: refused: %v", tt.name, err)
				case tt.refused && !errors.Is(err, load.ErrTarget):
					t.Errorf("%s: error = %v, want load.ErrTarget", tt.name, err)
				case tt.refused && !errors.Is(err, dialect.ErrCapability):
					t.Errorf("%s: error = %v, want dialect.ErrCapability", tt.name, err)
				case tt.refused:
					for _, w := range tt.want {
						if !strings.Contains(err.Error(), w) {
							t.Errorf("%s: error = %v\nwant it to contain %q", tt.name, err, w)
						}
					}
				}
			}
		})
	}
}
