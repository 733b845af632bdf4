package mysql_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/load"
)

// respelled has checks written with functions MariaDB stores under
// another name: length is octet_length, lower lcase, upper ucase, mid and
// substring substr, character_length char_length, position(a in b)
// locate(a, b).
type respelled struct {
	_     struct{} `db:",table=respelled,check=ck_respelled_mixed(upper(code) <> 'X' AND mid(code, 1, 2) <> 'zz' AND substring(code, 2) <> 'b' AND character_length(code) < 9 AND position('a' in code) >= 0)"`
	ID    int64    `db:"id,pk"`
	Name  string   `db:"name,type=varchar(50),check=(length(name) > 0)"`
	Email string   `db:"email,type=varchar(100),check=lower(email) = email"`
	Code  string   `db:"code,type=varchar(10)"`
}

// TestRespelledChecksConverge: a model check whose functions the server
// stores under another name is no drift once applied, and the server's
// own SHOW CREATE TABLE shows what it stored.
func TestRespelledChecksConverge(t *testing.T) {
	t.Parallel()
	m, err := load.Models([]any{respelled{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, d := server(t)
	apply(t, db.DB, d, compare(t, inspect(t, db.DB), m, d)...)
	var name, create string
	if err := db.QueryRowContext(t.Context(), "SHOW CREATE TABLE respelled").Scan(&name, &create); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CHECK", "email", "code"} {
		if !strings.Contains(create, want) {
			t.Fatalf("SHOW CREATE TABLE lacks %q:\n%s", want, create)
		}
	}
	if again := compare(t, inspect(t, db.DB), m, d); len(again) > 0 {
		t.Fatalf("drift right after the upgrade (the server stored:\n%s\n):\n%s", create, dumpOps(again))
	}
}
