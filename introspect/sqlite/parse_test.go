package sqlite

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
)

func TestLex(t *testing.T) {
	t.Parallel()
	src := `a "b""c" ` + "`d`" + ` [e f] 'g''h' 1.5e3 0x1F X'00' -- x, (
	/* y ) */ (a>=b)||c <> -1;`
	var got []string
	for _, tk := range lex(src) {
		got = append(got, tk.Text)
	}
	want := []string{"a", `"b""c"`, "`d`", "[e f]", "'g''h'", "1.5e3", "0x1F", "X'00'",
		"(", "a", ">=", "b", ")", "||", "c", "<>", "-", "1", ";"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lex (-want +got):\n%s", diff)
	}
	values := []string{lex(`"b""c"`)[0].Value, lex("[e f]")[0].Value, lex("'g''h'")[0].Value, lex("`d`")[0].Value}
	if diff := cmp.Diff([]string{`b"c`, "e f", "g'h", "d"}, values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	// Unterminated quotes and comments end at the end of the text.
	if n := len(lex(`'abc`)); n != 1 {
		t.Errorf("unterminated string: %d tokens", n)
	}
	if n := len(lex(`a /* b`)); n != 1 {
		t.Errorf("unterminated comment: %d tokens", n)
	}
}

func TestParseCreateTable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		sql  string
		want tableDef
	}{
		{
			name: "keywords inside strings, comments and quoted names",
			sql: `CREATE TABLE IF NOT EXISTS "t" (
				"primary" TEXT DEFAULT 'CHECK (x)' /* UNIQUE */, -- CONSTRAINT nope CHECK (1)
				[unique] INT DEFAULT -1 CONSTRAINT "ck a" CHECK ([unique] > (0 + (1))),
				d TEXT CONSTRAINT nn NOT NULL ON CONFLICT FAIL CHECK (d != ''),
				e AS (upper("primary")) STORED,
				f TEXT COLLATE "NoCase" CONSTRAINT uq_f UNIQUE,
				g INTEGER CONSTRAINT pk_t PRIMARY KEY DESC ON CONFLICT ABORT AUTOINCREMENT
			) STRICT, WITHOUT ROWID`,
			want: tableDef{
				pkName: "pk_t", pkConflict: model.ConflictAbort, autoinc: "g", withoutRowid: true, strict: true,
				uniques:    []namedCols{{name: "uq_f", cols: []string{"f"}}},
				checks:     []model.Check{{Name: "ck a", Expr: "[unique] > (0 + (1))"}, {Expr: "d != ''"}},
				generated:  map[string]model.Generated{"e": {Expr: `upper("primary")`, Stored: true}},
				collations: map[string]string{"f": "NoCase"},

				notNullConflict: map[string]model.ConflictAction{"d": model.ConflictFail},
			},
		},
		{
			name: "table constraints",
			sql: `create table x (a, b, c,
				constraint pk primary key (a, b collate nocase desc),
				unique (b, c) on conflict replace,
				constraint fk foreign key (c) references y (id) match simple on delete set default on update no action not deferrable,
				foreign key (a, b) references "z z" deferrable initially immediate,
				check (a + b > c))`,
			want: tableDef{
				pkName:  "pk",
				uniques: []namedCols{{cols: []string{"b", "c"}, conflict: model.ConflictReplace}},
				fks: []fkDef{
					{name: "fk", cols: []string{"c"}, refTable: "y"},
					{cols: []string{"a", "b"}, refTable: "z z", deferrable: true},
				},
				checks:     []model.Check{{Expr: "a + b > c"}},
				generated:  map[string]model.Generated{},
				collations: map[string]string{},

				notNullConflict: map[string]model.ConflictAction{},
			},
		},
		{
			name: "column references with deferral",
			sql:  `CREATE TABLE c (p INTEGER CONSTRAINT fk_p REFERENCES parent ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED NOT NULL, q GENERATED ALWAYS AS (p * 2))`,
			want: tableDef{
				fks:        []fkDef{{name: "fk_p", cols: []string{"p"}, refTable: "parent", deferrable: true, initiallyDeferred: true}},
				generated:  map[string]model.Generated{"q": {Expr: "p * 2"}},
				collations: map[string]string{},

				notNullConflict: map[string]model.ConflictAction{},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := parseCreateTable(tc.sql)
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(tableDef{}, namedCols{}, fkDef{})); diff != "" {
				t.Errorf("parseCreateTable (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseCreateIndex(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		sql  string
		want indexDef
	}{
		{"plain", `CREATE INDEX ix ON t (a, b)`, indexDef{parts: []string{"a", "b"}, collations: []string{"", ""}}},
		{"expressions and order", `CREATE UNIQUE INDEX IF NOT EXISTS "i x" ON "t" (lower(a || ','), b COLLATE nocase DESC, (c + 1) ASC)`,
			indexDef{parts: []string{"lower(a || ',')", "b", "(c + 1)"}, collations: []string{"", "nocase", ""}}},
		{"partial", "create index ix on t(a) where a > 0 and b in ('x', 'y')  ;",
			indexDef{parts: []string{"a"}, collations: []string{""}, where: "a > 0 and b in ('x', 'y')"}},
		{"comment before ON", `CREATE INDEX ix /* ON x (y) */ ON t (a) WHERE /* c */ a IS NOT NULL`,
			indexDef{parts: []string{"a"}, collations: []string{""}, where: "a IS NOT NULL"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, parseCreateIndex(tc.sql), cmp.AllowUnexported(indexDef{})); diff != "" {
				t.Errorf("parseCreateIndex (-want +got):\n%s", diff)
			}
		})
	}
}
