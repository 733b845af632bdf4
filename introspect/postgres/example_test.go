package postgres_test

import (
	"context"
	"fmt"
	"os"

	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/postgres"
)

// Example reads the tables of the current schema, leaving out the version
// table. db is any *sql.DB opened with a PostgreSQL driver (pgx's stdlib).
func Example() {
	db := openExampleDB()
	if db == nil {
		return
	}
	defer db.Close()
	s, err := postgres.Inspector{}.Inspect(context.Background(), db, introspect.Options{
		IncludeTable: func(name string) bool { return name != "retort_version" },
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, t := range s.Tables {
		fmt.Println(t.Name, len(t.Columns))
	}
}
