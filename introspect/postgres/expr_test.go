package postgres_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// userExprs are expressions as users write them; the server stores each
// (as a check, a partial-index predicate and a generated column) and gives it
// back in its own form, which must normalise to the same text. Not here:
// literals the server evaluates (a timestamptz constant comes back as
// '2020-01-01 00:00:00+00', in the server's time zone), which NormalizeExpr
// cannot reproduce.
var userExprs = []string{
	"price > 0",
	"price >= 0 AND price < 1000.5",
	"status IN ('a', 'b')",
	"status NOT IN ('x')",
	"status IN ('y')",
	"code <> ''",
	"name LIKE 'a%'",
	"name ILIKE '%b'",
	"lower(name) = name",
	"char_length(code) BETWEEN 1 AND 10",
	"(qty > 0 OR price > 0) AND status = 'a'",
	"qty * 2 + 1 > 3",
	"qty - (1 - qty) > 0",
	"NOT (qty = 1 AND price = 2)",
	"deleted_at::date > '2020-01-01'",
	"deleted_at IS NULL",
	"deleted_at IS NOT NULL OR qty >= -1",
	"coalesce(qty, 0) >= 0",
	"data ->> 'k' = 'v'",
	"data ? 'k'",
	"tags @> ARRAY['a']",
	"CASE WHEN qty > 0 THEN price > 0 ELSE true END",
	"m = 'ok'",
	"m IN ('ok', 'happy')",
	"active",
	"NOT active",
	"qty IS DISTINCT FROM 3",
	"status = ANY (ARRAY['a', 'b'])",
	"\"Upper\" > 0",
	"length(code || name) < 100",
}

func TestNormalizeExprOnServer(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	var checks []string
	for i, e := range userExprs {
		checks = append(checks, fmt.Sprintf("CONSTRAINT ck_%02d CHECK (%s)", i, e))
	}
	exec(t, db, `CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (
  price numeric(10,2), qty integer, status varchar(10), code text, name varchar(50),
  created_at timestamptz, deleted_at timestamp, data jsonb, tags text[], m mood, active boolean,
  "Upper" integer,
  `+strings.Join(checks, ",\n  ")+`)`)
	for i, e := range userExprs {
		exec(t, db, fmt.Sprintf("CREATE INDEX ix_%02d ON t (qty) WHERE %s", i, e))
	}
	s := inspect(t, db)
	tbl := s.Tables[0]
	for i, e := range userExprs {
		want := pg.NormalizeExpr(e)
		ck := tbl.Checks[i]
		if got := pg.NormalizeExpr(ck.Expr); got != want {
			t.Errorf("check %q: server gave %q, normalised %q; user's normalised %q", e, ck.Expr, got, want)
		}
		ix, _ := tbl.Index(fmt.Sprintf("ix_%02d", i))
		if got := pg.NormalizeExpr(ix.Where); got != want {
			t.Errorf("index predicate %q: server gave %q, normalised %q; user's normalised %q", e, ix.Where, got, want)
		}
	}
}
