package postgres

import (
	"testing"

	"github.com/retortdb/retort/model"
)

func TestNormalizeType(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"varchar(255)", "character varying(255)"},
		{"VARCHAR ( 20 )", "character varying(20)"},
		{"character varying", "character varying"},
		{"int", "integer"},
		{"int4", "integer"},
		{"INTEGER", "integer"},
		{"serial", "integer"},
		{"bigserial", "bigint"},
		{"smallserial", "smallint"},
		{"int8", "bigint"},
		{"int2", "smallint"},
		{"bool", "boolean"},
		{"float8", "double precision"},
		{"float", "double precision"},
		{"float(10)", "real"},
		{"float4", "real"},
		{"decimal(10, 2)", "numeric(10,2)"},
		{"decimal", "numeric"},
		{"numeric(5)", "numeric(5,0)"},
		{"timestamptz", "timestamp with time zone"},
		{"timestamptz(3)", "timestamp(3) with time zone"},
		{"timestamp", "timestamp without time zone"},
		{"timestamp(6)", "timestamp(6) without time zone"},
		{"timestamp(3) with time zone", "timestamp(3) with time zone"},
		{"time", "time without time zone"},
		{"timetz", "time with time zone"},
		{"int[]", "integer[]"},
		{"integer[][]", "integer[]"},
		{"int4[3]", "integer[]"},
		{"integer array", "integer[]"},
		{"varchar(10)[]", "character varying(10)[]"},
		{"char", "character(1)"},
		{"char(3)", "character(3)"},
		{"bpchar", "bpchar"},
		{"varbit", "bit varying"},
		{"bit", "bit(1)"},
		{"jsonb", "jsonb"},
		{"JSON", "json"},
		{"uuid", "uuid"},
		{"interval", "interval"},
		{"inet", "inet"},
		{"pg_catalog.text", "text"},
		{"mood", "mood"},
		{`"Mood"`, `"Mood"`},
		{`"mood"`, "mood"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got := New().NormalizeType(tt.in)
			if got != tt.want {
				t.Errorf("NormalizeType(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := New().NormalizeType(got); again != got {
				t.Errorf("NormalizeType is not idempotent: %q → %q → %q", tt.in, got, again)
			}
		})
	}
}

func TestNormalizeDefault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		col  model.Column
		// same lists defaults that must normalise like col.Default.
		same []string
		// want is the normal form.
		want string
	}{
		{"varchar literal", col("character varying(20)", "'x'::character varying"), []string{"'x'", "('x')", "'x'::text"}, "'x'"},
		{"text literal", col("text", "'it''s'::text"), []string{"'it''s'"}, "'it''s'"},
		{"enum literal", col("mood", "'ok'::mood"), []string{"'ok'"}, "'ok'"},
		{"numeric zero", col("numeric(10,2)", "'0'::numeric"), []string{"0", "(0)", "'0'"}, "0"},
		{"negative int", col("integer", "'-1'::integer"), []string{"-1", "(-1)"}, "-1"},
		{"decimal", col("numeric", "1.5"), []string{"'1.5'::numeric"}, "1.5"},
		{"string number", col("text", "'0'::text"), []string{"0"}, "'0'"},
		{"now", col("timestamp with time zone", "now()"), []string{"CURRENT_TIMESTAMP", "current_timestamp", "transaction_timestamp()", "NOW()"}, "CURRENT_TIMESTAMP"},
		{"bool true", col("boolean", "true"), []string{"TRUE", "'t'", "'true'::boolean", "'yes'"}, "true"},
		{"bool false", col("boolean", "false"), []string{"FALSE", "'f'::boolean", "'0'"}, "false"},
		{"null", col("text", "NULL::text"), []string{"NULL", ""}, ""},
		{"json", col("jsonb", "'{}'::jsonb"), []string{"'{}'"}, "'{}'"},
		{"array", col("text[]", "'{}'::text[]"), []string{"'{}'"}, "'{}'"},
		{"interval", col("interval", "'1 day'::interval"), []string{"'1 day'"}, "'1 day'"},
		{"function", col("uuid", "gen_random_uuid()"), []string{"GEN_RANDOM_UUID()"}, "gen_random_uuid()"},
		{"current date", col("date", "CURRENT_DATE"), []string{"current_date"}, "CURRENT_DATE"},
		{"serial", model.Column{Type: model.Type{SQL: "integer"}, AutoIncrement: true, Default: "nextval('t_id_seq'::regclass)"}, []string{""}, ""},
		{"expression", col("integer", "(1 + 2)"), []string{"1 + 2", "(1+2)"}, "1 + 2"},
		{"logical type", model.Column{Type: model.Type{Logical: model.LogicalBool}, Default: "'t'"}, []string{"true"}, "true"},
	}
	d := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := d.NormalizeDefault(tt.col)
			if got != tt.want {
				t.Errorf("NormalizeDefault(%q) = %q, want %q", tt.col.Default, got, tt.want)
			}
			for _, s := range tt.same {
				c := tt.col
				c.Default = s
				if g := d.NormalizeDefault(c); g != got {
					t.Errorf("NormalizeDefault(%q) = %q, want %q (as %q)", s, g, got, tt.col.Default)
				}
			}
		})
	}
}

func col(typ, def string) model.Column {
	return model.Column{Name: "c", Type: model.Type{SQL: typ}, Default: def, Nullable: true}
}

func TestNormalizeExpr(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// catalog is what PostgreSQL gives back; user is what a user writes.
		catalog, user string
		want          string
	}{
		{"numeric cast", "(price > (0)::numeric)", "price > 0", "price > 0"},
		{"pretty numeric cast", "price > 0::numeric", "price>0", "price > 0"},
		{"in list", "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", "status IN ('a', 'b')", "status in ('a', 'b')"},
		{"pretty in list", "status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])", "status in ('a','b')", "status in ('a', 'b')"},
		{"one-element in", "((status)::text = 'a'::text)", "status IN ('a')", "status = 'a'"},
		{"one-element not in", "((status)::text <> 'a'::text)", "status NOT IN ('a')", "status <> 'a'"},
		{"not in", "(status <> ALL (ARRAY['x'::text, 'y'::text]))", "status NOT IN ('x', 'y')", "status not in ('x', 'y')"},
		{"and", "((a > 0) AND (b < 10))", "a > 0 AND b < 10", "a > 0 and b < 10"},
		{"or inside and", "(((a > 0) OR (b > 0)) AND (c > 0))", "(a > 0 OR b > 0) AND c > 0", "(a > 0 or b > 0) and c > 0"},
		{"arith", "((price * (2)::numeric) > (10)::numeric)", "price * 2 > 10", "price * 2 > 10"},
		{"arith keeps needed parens", "((a + b) * c)", "(a + b) * c", "(a + b) * c"},
		{"left assoc", "((a - b) - c)", "a - b - c", "a - b - c"},
		{"right group kept", "(a - (b - c))", "a - (b - c)", "a - (b - c)"},
		{"function", "lower((email)::text)", "lower(email)", "lower(email)"},
		{"is not null", "(deleted_at IS NULL)", "deleted_at is null", "deleted_at is null"},
		{"like", "((name)::text ~~ 'a%'::text)", "name LIKE 'a%'", "name like 'a%'"},
		{"not", "(NOT (a = b))", "NOT a = b", "not a = b"},
		{"not and kept", "(NOT (a AND b))", "not (a and b)", "not (a and b)"},
		{"quoted ident", `("Name" <> ''::text)`, `"Name" != ''`, `"Name" <> ''`},
		{"needless quotes", `("name" > 0)`, "name > 0", "name > 0"},
		{"keyword case", "(char_length(name) > 3)", "CHAR_LENGTH(NAME) > 3", "char_length(name) > 3"},
		{"column cast kept", "((created_at)::date > '2020-01-01'::date)", "created_at::date > '2020-01-01'", "created_at::date > '2020-01-01'"},
		{"unary minus", "(x > '-1'::integer)", "x > -1", ""},
		{"between", "((a >= 1) AND (a <= 5))", "a >= 1 and a <= 5", "a >= 1 and a <= 5"},
		{"between keyword", "((a >= 1) AND (a <= 5))", "a BETWEEN 1 AND 5", "a >= 1 and a <= 5"},
		{"between in or", "(((a >= '-1'::integer) AND (a <= length(b))) OR c)", "a between -1 and length(b) or c", "a >= -1 and a <= length(b) or c"},
		{"not before between", "(NOT ((a >= 1) AND (a <= 5)))", "NOT (a BETWEEN 1 AND 5)", "not (a >= 1 and a <= 5)"},
		{"coalesce", "(COALESCE(a, 0) > 1)", "coalesce(a, 0) > 1", "coalesce(a, 0) > 1"},
		{"generated", "(team_id * 2)", "team_id*2", "team_id * 2"},
		{"date_trunc", "date_trunc('day'::text, created_at)", "date_trunc('day', created_at)", "date_trunc('day', created_at)"},
		{"json arrow", "(data ->> 'key'::text)", "data->>'key'", "data ->> 'key'"},
		{"case", "CASE WHEN (a > 0) THEN 'pos'::text ELSE 'neg'::text END", "case when a > 0 then 'pos' else 'neg' end", "case when a > 0 then 'pos' else 'neg' end"},
		{"distinct from", "(a IS DISTINCT FROM b)", "a IS DISTINCT FROM b", "a is distinct from b"},
		{"enum literal", "(st = 'published'::status)", "st = 'published'", "st = 'published'"},
		{"qualified enum literal", `(st = 'a'::app."Kind")`, "st = 'a'", "st = 'a'"},
		{"empty array", "ARRAY[]::integer[]", "ARRAY[]::int[]", "array[]"},
		{"nested function casts", "upper(((first_name)::text || (last_name)::text))", "upper(first_name || last_name)", "upper(first_name || last_name)"},
		{"boolean column", "(active AND (balance > (0)::numeric))", "active and balance > 0", "active and balance > 0"},
	}
	d := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, u := d.NormalizeExpr(tt.catalog), d.NormalizeExpr(tt.user)
			if c != u {
				t.Errorf("catalog %q → %q, user %q → %q; want equal", tt.catalog, c, tt.user, u)
			}
			if tt.want != "" && c != tt.want {
				t.Errorf("NormalizeExpr(%q) = %q, want %q", tt.catalog, c, tt.want)
			}
			if again := d.NormalizeExpr(c); again != c {
				t.Errorf("NormalizeExpr is not idempotent: %q → %q → %q", tt.catalog, c, again)
			}
		})
	}
}
