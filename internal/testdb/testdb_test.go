package testdb

import "testing"

func TestOpenEachDialect(t *testing.T) {
	for _, d := range Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := Open(t, d)
			if _, err := db.Exec("CREATE TABLE probe (id integer)"); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := db.QueryRow("SELECT count(*) FROM probe").Scan(&n); err != nil || n != 0 {
				t.Fatalf("count = %d, %v", n, err)
			}
		})
	}
}
