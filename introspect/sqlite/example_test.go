package sqlite_test

import (
	"context"
	"fmt"
	"log"

	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/sqlite"
)

// Inspect reads every admitted table; names, checks and AUTOINCREMENT
// come from the CREATE TABLE text SQLite keeps.
func ExampleInspector() {
	ctx := context.Background()
	db, _, err := dburl.Open(ctx, "sqlite://:memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL CONSTRAINT uq_users_email UNIQUE, age INT CHECK (age >= 0))`,
		`CREATE INDEX ix_users_lower_email ON users (lower(email)) WHERE age > 17`,
		`CREATE TABLE retort_version (version_num TEXT)`,
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			log.Fatal(err)
		}
	}
	s, err := sqlite.Inspector{}.Inspect(ctx, db, introspect.Options{
		IncludeTable: func(name string) bool { return name != "retort_version" },
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range s.Tables {
		fmt.Println("table", t.Name, "key", t.PrimaryKey.Columns)
		for _, c := range t.Columns {
			fmt.Printf("  %s %s nullable=%v autoincrement=%v\n", c.Name, c.Type.SQL, c.Nullable, c.AutoIncrement)
		}
		for _, ix := range t.Indexes {
			fmt.Printf("  index %s on %v where %s\n", ix.Name, ix.Columns(), ix.Where)
		}
		for _, u := range t.Uniques {
			fmt.Printf("  unique %s %v\n", u.Name, u.Columns)
		}
		for _, ck := range t.Checks {
			fmt.Printf("  check %q %s\n", ck.Name, ck.Expr)
		}
	}
	// Output:
	// table users key [id]
	//   id INTEGER nullable=true autoincrement=false
	//   email VARCHAR(255) nullable=false autoincrement=false
	//   age INT nullable=true autoincrement=false
	//   index ix_users_lower_email on [lower(email)] where age > 17
	//   unique uq_users_email [email]
	//   check "" age >= 0
}
