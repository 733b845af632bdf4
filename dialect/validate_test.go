package dialect_test

import (
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
)

// TestCheckExpr checks that expressions users write pass on the dialects
// whose SQL they are, and that text which would end the statement, start
// another or comment out its rest is refused, with each dialect's quoting.
func TestCheckExpr(t *testing.T) {
	t.Parallel()
	my, pg, lite := mysql.New(), postgres.New(), sqlite.New()
	all := []dialect.Dialect{my, pg, lite}
	tests := []struct {
		name string
		on   []dialect.Dialect
		kind dialect.ValueKind
		expr string
		ok   bool
	}{
		{"string with doubled quote", all, dialect.ValueDefault, `'it''s; fine'`, true},
		{"current timestamp", all, dialect.ValueDefault, "CURRENT_TIMESTAMP", true},
		{"check with a list", all, dialect.ValueCheck, "a > 0 AND b IN (1, 2)", true},
		{"type with arguments", all, dialect.ValueType, "numeric(10,2)", true},
		{"inline enum type", []dialect.Dialect{my}, dialect.ValueType, "enum('a','b;c')", true},
		{"pg cast", []dialect.Dialect{pg}, dialect.ValueDefault, "nextval('s'::regclass)", true},
		{"pg array type", []dialect.Dialect{pg}, dialect.ValueType, "timestamp(3) with time zone[]", true},
		{"pg array", []dialect.Dialect{pg}, dialect.ValueDefault, "ARRAY[1, 2]", true},
		{"pg dollar quote", []dialect.Dialect{pg}, dialect.ValueDefault, "$$a;b$$", true},
		{"pg e-string", []dialect.Dialect{pg}, dialect.ValueDefault, `E'a\';b'`, true},
		{"mysql backslash escape", []dialect.Dialect{my}, dialect.ValueDefault, `'a\';b'`, true},
		{"mysql backticks", []dialect.Dialect{my}, dialect.ValueGenerated, "concat(`first`, ' ', `last`)", true},
		{"closed block comment", all, dialect.ValueCheck, "a > 0 /* positive */", true},
		{"line comment inside, then more", all, dialect.ValueCheck, "a > 0 -- positive\n AND b > 0", true},
		{"mysql double dash without space is minus", []dialect.Dialect{my}, dialect.ValueDefault, "1--1", true},

		{"semicolon", all, dialect.ValueDefault, "0; DROP TABLE victim", false},
		{"trailing semicolon", all, dialect.ValueDefault, "0;", false},
		{"leading semicolon", all, dialect.ValueCheck, "; a > 0", false},
		{"line comment to the end", all, dialect.ValueDefault, "0 -- hides NOT NULL", false},
		{"hash comment to the end", []dialect.Dialect{my}, dialect.ValueDefault, "0 # hides NOT NULL", false},
		{"unterminated block comment", all, dialect.ValueCheck, "a > 0 /*", false},
		{"unterminated string", all, dialect.ValueDefault, "'abc", false},
		{"mysql backslash keeps the string open", []dialect.Dialect{my}, dialect.ValueDefault, `'a\'; DROP TABLE victim; -- '`, true},
		{"standard strings end at the quote", []dialect.Dialect{pg, lite}, dialect.ValueDefault, `'a\'; DROP TABLE victim; -- '`, false},
		{"closing a parenthesis it did not open", all, dialect.ValueCheck, "a > 0) OR (1 = 1", false},
		{"unclosed parenthesis", all, dialect.ValueCheck, "(a > 0", false},
		{"comma adds a clause", all, dialect.ValueDefault, "0, DROP COLUMN secret", false},
		{"mysql executable comment", []dialect.Dialect{my}, dialect.ValueDefault, "0 /*!; DROP TABLE victim */", false},
		{"NUL byte", all, dialect.ValueDefault, "'a\x00'", false},
	}
	for _, tt := range tests {
		for _, d := range tt.on {
			err := dialect.CheckExpr(d, tt.kind, tt.expr)
			if tt.ok && err != nil {
				t.Errorf("%s on %s: %v", tt.name, d.Name(), err)
			}
			if !tt.ok && !errors.Is(err, dialect.ErrUnsafeValue) {
				t.Errorf("%s on %s: %q accepted (err %v)", tt.name, d.Name(), tt.expr, err)
			}
		}
	}
}

// TestCheckValues checks keyword-like values against each dialect's
// grammar, and that ValidateSchema reports them where they are.
func TestCheckValues(t *testing.T) {
	t.Parallel()
	my, pg, lite := mysql.New(), postgres.New(), sqlite.New()
	tests := []struct {
		name  string
		d     dialect.Dialect
		kind  dialect.ValueKind
		value string
		ok    bool
	}{
		{"mysql charset", my, dialect.ValueCharset, "utf8mb4", true},
		{"mysql collation", my, dialect.ValueCollation, "utf8mb4_0900_ai_ci", true},
		{"mysql index method", my, dialect.ValueIndexMethod, "FULLTEXT", true},
		{"mysql index method it does not have", my, dialect.ValueIndexMethod, "gin", false},
		{"mysql charset injection", my, dialect.ValueCharset, "utf8mb4;DROP TABLE victim;--", false},
		{"mysql collation with a space", my, dialect.ValueCollation, "utf8mb4_bin COLLATE x", false},
		{"pg index method", pg, dialect.ValueIndexMethod, "gin", true},
		{"pg index method injection", pg, dialect.ValueIndexMethod, "gin (x); DROP TABLE victim; --", false},
		{"pg libc collation", pg, dialect.ValueCollation, "en_US.utf8", true},
		{"pg icu collation", pg, dialect.ValueCollation, "und-x-icu", true},
		{"pg qualified collation", pg, dialect.ValueCollation, `pg_catalog."C"`, true},
		{"pg collation with a quote", pg, dialect.ValueCollation, `C" ; DROP TABLE victim; --`, false},
		{"pg collation with a comment", pg, dialect.ValueCollation, "en_US.utf8--", false},
		{"sqlite collation", lite, dialect.ValueCollation, "NOCASE", true},
		{"sqlite collation injection", lite, dialect.ValueCollation, `NOCASE"; DROP TABLE victim; --`, false},
	}
	for _, tt := range tests {
		err := dialect.ValidateSchema(tt.d, schemaWith(tt.kind, tt.value))
		if tt.ok && len(err) > 0 {
			t.Errorf("%s: %v", tt.name, err)
		}
		if !tt.ok && (len(err) != 1 || !errors.Is(err[0], dialect.ErrUnsafeValue) || err[0].Table != "t") {
			t.Errorf("%s: %q gives %v, want one problem on table t", tt.name, tt.value, err)
		}
	}
}

// schemaWith is one table holding value where kind goes.
func schemaWith(kind dialect.ValueKind, value string) model.Schema {
	t := model.Table{Name: "t", Columns: []model.Column{{Name: "c", Type: model.Type{SQL: "varchar(10)"}}}}
	switch kind {
	case dialect.ValueCharset:
		t.Columns[0].Charset = value
	case dialect.ValueCollation:
		t.Columns[0].Collation = value
	case dialect.ValueIndexMethod:
		t.Indexes = []model.Index{{Name: "ix", Parts: []model.IndexPart{{Column: "c"}}, Method: value}}
	}
	return model.Schema{Tables: []model.Table{t}}
}

// TestCheckTableOption checks MySQL table options.
func TestCheckTableOption(t *testing.T) {
	t.Parallel()
	my := mysql.New()
	for _, o := range []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}, {Name: "ROW_FORMAT", Value: "DYNAMIC"},
		{Name: "KEY_BLOCK_SIZE", Value: "8"}, {Name: "COMMENT", Value: "'a; b'"}, {Name: "DEFAULT CHARSET", Value: "utf8mb4"}, {Name: "WITHOUT ROWID"}} {
		if err := my.CheckTableOption(o); err != nil {
			t.Errorf("%s=%s: %v", o.Name, o.Value, err)
		}
	}
	for _, o := range []model.TableOption{{Name: "ENGINE", Value: "InnoDB; DROP TABLE victim"}, {Name: "ENGINE=InnoDB;--", Value: "1"},
		{Name: "ENGINE", Value: "InnoDB -- "}, {Name: "CHARSET", Value: "'utf8mb4'"}, {Name: "ENGINE", Value: "InnoDB ROW_FORMAT=x"}} {
		if err := my.CheckTableOption(o); !errors.Is(err, dialect.ErrUnsafeValue) {
			t.Errorf("%s=%s accepted (err %v)", o.Name, o.Value, err)
		}
	}
}
