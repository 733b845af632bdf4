package mysql_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
)

func TestNormalizeType(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	tests := []struct{ in, want string }{
		{"int(11)", "int"},
		{"INT(10) UNSIGNED", "int unsigned"},
		{"int unsigned", "int unsigned"},
		{"bigint(20) unsigned zerofill", "bigint unsigned zerofill"},
		{"integer", "int"},
		{"tinyint(1)", "tinyint(1)"},
		{"tinyint(4)", "tinyint"},
		{"tinyint(1) unsigned", "tinyint unsigned"},
		{"boolean", "tinyint(1)"},
		{"BOOL", "tinyint(1)"},
		{"int signed", "int"},
		{"decimal", "decimal(10,0)"},
		{"numeric(8)", "decimal(8,0)"},
		{"DECIMAL(12, 2)", "decimal(12,2)"},
		{"double precision", "double"},
		{"real", "double"},
		{"char", "char(1)"},
		{"character varying(20)", "varchar(20)"},
		{"varchar(20) CHARACTER SET latin1 COLLATE latin1_bin", "varchar(20)"},
		{"text charset utf8mb4", "text"},
		{"datetime(0)", "datetime"},
		{"datetime(6)", "datetime(6)"},
		{"year(4)", "year"},
		{"bit", "bit(1)"},
		{"ENUM('A','b')", "enum('A','b')"},
		{"set('x', \"y\")", "set('x','y')"},
		{"json", "json"},
		{"serial", "bigint unsigned"},
		{"float(10)", "float"},
		{"float(30)", "double"},
		{"float(7,4)", "float(7,4)"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := d.NormalizeType(tt.in); got != tt.want {
				t.Errorf("NormalizeType(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeDefault(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	tests := []struct {
		name, typ, def, want string
	}{
		{"none", "int", "", ""},
		{"NULL text", "varchar(10)", "NULL", ""},
		{"quoted number", "int(11)", "'0'", "0"},
		{"number", "int", "0", "0"},
		{"decimal zeros", "decimal(10,2)", "1.50", "1.5"},
		{"decimal quoted", "decimal(10,2)", "'1.5'", "1.5"},
		{"decimal zero", "decimal(10,2)", "0.00", "0"},
		{"negative", "int", "-3", "-3"},
		{"true", "tinyint(1)", "true", "1"},
		{"false", "boolean", "FALSE", "0"},
		{"bit literal", "bit(4)", "b'0101'", "b'101'"},
		{"bit number", "bit(4)", "5", "b'101'"},
		{"bit zero", "bit(1)", "0", "b'0'"},
		{"string", "varchar(10)", "'x''y'", "'x''y'"},
		{"binary string", "varbinary(4)", "'ab'", "0x6162"},
		{"binary hex", "binary(2)", "0x6162", "0x6162"},
		{"binary x", "binary(2)", "X'6162'", "0x6162"},
		{"backslash quote", "varchar(10)", `'x\'y'`, "'x''y'"},
		{"double quotes", "varchar(10)", `"abc"`, "'abc'"},
		{"introducer", "varchar(10)", "_utf8mb4'abc'", "'abc'"},
		{"now", "datetime", "now()", "CURRENT_TIMESTAMP"},
		{"current_timestamp()", "timestamp", "current_timestamp()", "CURRENT_TIMESTAMP"},
		{"CURRENT_TIMESTAMP", "timestamp", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
		{"precision", "datetime(6)", "current_timestamp(6)", "CURRENT_TIMESTAMP(6)"},
		{"precision 0", "datetime", "CURRENT_TIMESTAMP(0)", "CURRENT_TIMESTAMP"},
		{"column precision", "datetime(6)", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP(6)"},
		{"column precision now", "timestamp(3)", "now()", "CURRENT_TIMESTAMP(3)"},
		{"expression parens", "char(36)", "(uuid())", "uuid()"},
		{"expression", "char(36)", "UUID()", "uuid()"},
		{"enum", "enum('a','b')", "'a'", "'a'"},
		{"date literal", "date", "'2000-01-01'", "'2000-01-01'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := d.NormalizeDefault(model.Column{Type: model.Type{SQL: tt.typ}, Default: tt.def})
			if got != tt.want {
				t.Errorf("NormalizeDefault(%s DEFAULT %s) = %q, want %q", tt.typ, tt.def, got, tt.want)
			}
		})
	}
}

func TestNormalizeExpr(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	tests := []struct {
		name, a, b string // a and b must normalise alike
	}{
		{"backticks", "`a` > 0", "a > 0"},
		{"case and space", "A>0  AND b<>'X'", "a > 0 and b <> 'X'"},
		{"mysql8 parens", "((`a` > 0) and (`c` <> _utf8mb4'q'))", "a > 0 AND c <> 'q'"},
		{"mysql8 escaped quotes", `(_utf8mb4\'q\' = c)`, "'q' = c"},
		{"mariadb", "`a` > 0 and `c` <> _utf8mb4'q'", "(a > 0 and c <> 'q')"},
		{"not equal", "a != 1", "a <> 1"},
		{"precedence kept", "(a + b) * c", "(`a` + `b`) * `c`"},
		{"associative", "(a + b) + c", "a + b + c"},
		{"or in and", "a = 1 and (b = 2 or c = 3)", "(`a` = 1) and ((`b` = 2) or (`c` = 3))"},
		{"function", "concat(`c`,'z')", "CONCAT(c, 'z')"},
		{"in list", "a IN (1,2)", "`a` in (1, 2)"},
		{"generated", "`balance` * 2 + 1", "(balance * 2) + 1"},
		{"json_valid", "json_valid(`g`)", "JSON_VALID(g)"},
		{"negative", "a>-1", "`a` > -1"},
		{"null-safe", "a<=>b", "`a` <=> `b`"},
		{"mariadb length", "length(name) > 0", "octet_length(`name`) > 0"},
		{"mariadb lower", "lower(email) = email", "lcase(`email`) = `email`"},
		{"mariadb substring", "SUBSTRING(a, 2) <> MID(b, 1, 2)", "substr(`a`,2) <> substr(`b`,1,2)"},
		{"mariadb position", "POSITION('a' IN code) >= 0", "locate('a',`code`) >= 0"},
		{"a column named length", "`length` > 0", "length > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, b := d.NormalizeExpr(tt.a), d.NormalizeExpr(tt.b)
			if a != b {
				t.Errorf("NormalizeExpr(%q) = %q\nNormalizeExpr(%q) = %q", tt.a, a, tt.b, b)
			}
			if again := d.NormalizeExpr(a); again != a {
				t.Errorf("NormalizeExpr is not idempotent: %q then %q", a, again)
			}
		})
	}
	distinct := [][2]string{
		{"(a + b) * c", "a + b * c"},
		{"a - (b - c)", "a - b - c"},
		{"not (a and b)", "not a and b"},
		{"'A'", "'a'"},
	}
	for _, p := range distinct {
		if d.NormalizeExpr(p[0]) == d.NormalizeExpr(p[1]) {
			t.Errorf("NormalizeExpr makes %q and %q alike", p[0], p[1])
		}
	}
}

func TestTypeSQL(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	tests := []struct {
		typ  model.Type
		want string
	}{
		{model.Type{Logical: model.LogicalBool}, "tinyint(1)"},
		{model.Type{Logical: model.LogicalSmallInt, Unsigned: true}, "smallint unsigned"},
		{model.Type{Logical: model.LogicalInt}, "int"},
		{model.Type{Logical: model.LogicalBigInt, Unsigned: true}, "bigint unsigned"},
		{model.Type{Logical: model.LogicalReal}, "float"},
		{model.Type{Logical: model.LogicalDouble}, "double"},
		{model.Type{Logical: model.LogicalString}, "varchar(255)"},
		{model.Type{Logical: model.LogicalString, Size: 40}, "varchar(40)"},
		{model.Type{Logical: model.LogicalBytes}, "longblob"},
		{model.Type{Logical: model.LogicalBytes, Size: 16}, "varbinary(16)"},
		{model.Type{Logical: model.LogicalTimestamp}, "datetime(6)"},
		{model.Type{Logical: model.LogicalJSON}, "json"},
		{model.Type{Logical: model.LogicalUUID}, "char(36)"},
		{model.Type{Logical: model.LogicalDecimal}, "decimal(10,0)"},
		{model.Type{Enum: "mood", EnumValues: []string{"a", "it's"}}, "enum('a','it''s')"},
		{model.Type{SQL: "VARCHAR(10)", Logical: model.LogicalString}, "VARCHAR(10)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := d.TypeSQL(tt.typ); got != tt.want {
				t.Errorf("TypeSQL(%+v) = %q, want %q", tt.typ, got, tt.want)
			}
		})
	}
}
