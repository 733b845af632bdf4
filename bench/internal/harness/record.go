package harness

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/retortdb/retort/introspect"
)

// Query is one recorded catalog query.
type Query struct {
	SQL  string
	Args []any
}

// Recorder is an [introspect.Querier] that records every query it passes
// on. It is not a pool, so an inspector that runs queries concurrently on
// a *sql.DB runs them one after another through it; the count is the same.
type Recorder struct {
	Q introspect.Querier

	mu      sync.Mutex
	Queries []Query
}

// QueryContext records the query and runs it.
func (r *Recorder) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	r.mu.Lock()
	r.Queries = append(r.Queries, Query{SQL: query, Args: append([]any(nil), args...)})
	r.mu.Unlock()
	return r.Q.QueryContext(ctx, query, args...)
}

// Replay runs the queries and reads every row as raw bytes, building
// nothing: the floor an inspector issuing them cannot go below. parallel
// runs them all at once, each on its own connection of the pool.
func Replay(ctx context.Context, db *sql.DB, queries []Query, parallel bool) (rows int, err error) {
	if !parallel {
		for _, q := range queries {
			n, err := drain(ctx, db, q)
			if err != nil {
				return rows, err
			}
			rows += n
		}
		return rows, nil
	}
	counts := make([]int, len(queries))
	errs := make([]error, len(queries))
	var wg sync.WaitGroup
	for i, q := range queries {
		wg.Go(func() { counts[i], errs[i] = drain(ctx, db, q) })
	}
	wg.Wait()
	for i := range queries {
		if errs[i] != nil {
			return rows, errs[i]
		}
		rows += counts[i]
	}
	return rows, nil
}

func drain(ctx context.Context, db *sql.DB, q Query) (int, error) {
	rows, err := db.QueryContext(ctx, q.SQL, q.Args...)
	if err != nil {
		return 0, fmt.Errorf("harness: replay %.60q: %w", q.SQL, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	for i := range vals {
		vals[i] = new(sql.RawBytes)
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}
