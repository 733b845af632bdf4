package mysql_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
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

// stock has a column-level check (column_check=), which MariaDB keeps in
// the column's definition.
type stock struct {
	_   struct{} `db:",table=stock"`
	ID  int64    `db:"id,pk"`
	Qty *int     `db:"qty,type=int,column_check=(qty >= 0)"`
}

// stockTable has the same check as a table constraint.
type stockTable struct {
	_   struct{} `db:",table=stock,check=qty_nonnegative(qty >= 0)"`
	ID  int64    `db:"id,pk"`
	Qty *int     `db:"qty,type=int"`
}

// TestColumnCheckLevel: on MariaDB a column-level check is created in the
// column's definition (SHOW CREATE TABLE shows it there), survives a
// change of the column's type, and moves to a table constraint and back
// with no drift left.
func TestColumnCheckLevel(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	if d.Flavor != mysql.FlavorMariaDB {
		t.Skip("column-level checks are kept apart on MariaDB only")
	}
	showCreate := func() string {
		var name, create string
		if err := db.QueryRowContext(t.Context(), "SHOW CREATE TABLE stock").Scan(&name, &create); err != nil {
			t.Fatal(err)
		}
		return create
	}
	converge := func(v any) {
		t.Helper()
		m, err := load.Models([]any{v}, load.Options{})
		if err != nil {
			t.Fatal(err)
		}
		apply(t, db.DB, d, compare(t, inspect(t, db.DB), m, d)...)
		if again := compare(t, inspect(t, db.DB), m, d); len(again) > 0 {
			t.Fatalf("drift right after the upgrade (the server stored:\n%s\n):\n%s", showCreate(), dumpOps(again))
		}
	}
	converge(stock{})
	if create := showCreate(); !strings.Contains(create, "DEFAULT NULL CHECK (`qty` >= 0)") {
		t.Fatalf("the check is not in the column's definition:\n%s", create)
	}
	apply(t, db.DB, d, ops.AlterColumn{Table: "stock", Change: ops.ChangeType,
		From: model.Column{Name: "qty", Type: model.Type{SQL: "int"}, Nullable: true},
		To:   model.Column{Name: "qty", Type: model.Type{SQL: "bigint"}, Nullable: true}})
	if create := showCreate(); !strings.Contains(create, "CHECK (`qty` >= 0)") {
		t.Fatalf("MODIFY COLUMN lost the column's check:\n%s", create)
	}
	converge(stockTable{})
	if create := showCreate(); !strings.Contains(create, "CONSTRAINT `qty_nonnegative` CHECK") || strings.Contains(create, "NULL CHECK") {
		t.Fatalf("the check did not become a table constraint:\n%s", create)
	}
	converge(stock{})
}
