package converge

import (
	"strings"
	"testing"
)

func TestSQLiteTableText(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want []string
	}{
		{`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'a', n INTEGER CHECK (n > 0))`,
			[]string{"check ( n > 0 )"}},
		{`create table "T" ( -- c
		   "Id" integer primary key autoincrement, w text collate NoCase,
		   g int generated always as (Id*2) stored, v as (id + 1),
		   CONSTRAINT ck CHECK(w <> 'X'), UNIQUE (w) ON CONFLICT REPLACE)`,
			[]string{"autoincrement", "column g: generated ( id * 2 ) stored",
				"column v: generated ( id + 1 ) virtual", "column w: collate nocase",
				"constraint ck check ( w <> 'X' )", "unique ( w ) on conflict replace"}},
		{`CREATE TABLE c (id INTEGER PRIMARY KEY DESC, p INTEGER CONSTRAINT fk_p REFERENCES p (id) ON DELETE SET NULL NOT NULL,
		   q INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED,
		   FOREIGN KEY (q) REFERENCES p (id) NOT DEFERRABLE, FOREIGN KEY (p) REFERENCES p (id))`,
			[]string{"column id: primary key desc", "column p: constraint fk_p references", "column q: references deferrable initially deferred",
				"foreign key ( q ) not deferrable"}},
	} {
		got := sqliteTableText(tc.sql)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("sqliteTableText(%s)\n got %q\nwant %q", tc.sql, got, tc.want)
		}
	}
}

func TestSQLiteIndexText(t *testing.T) {
	got := sqliteIndexText(`CREATE INDEX "ix a" ON t (lower(Email) COLLATE nocase DESC) WHERE deleted IS NULL`)
	if want := "( lower ( email ) collate nocase desc ) where deleted is null"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
