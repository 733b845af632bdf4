package cli

import (
	"context"
	"fmt"
	"slices"

	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/introspect"
)

// unmodeled names the objects of the database retort does not model
// (views, triggers, ...), in the schema inspect reads, leaving out the
// objects of the runner's own tables.
func (d *database) unmodeled(ctx context.Context, schema string, skip []string) ([]introspect.Object, error) {
	opts := introspect.Options{Schema: schema}
	if len(skip) > 0 {
		opts.IncludeTable = func(name string) bool { return !slices.Contains(skip, name) }
	}
	objs, err := introspect.ListUnmodeled(ctx, d.be.Inspector, d.db, opts)
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", dburl.Redact(d.cfg.URL), err)
	}
	return objs, nil
}

// reportNotCompared prints on stderr the line naming what a comparison
// of two databases left out: once when both hold the same objects (by
// kind and name), else a line for each side that holds any. It reports
// whether there were any.
func (a *app) reportNotCompared(from, to []introspect.Object) bool {
	switch {
	case len(from) == 0 && len(to) == 0:
		return false
	case slices.Equal(from, to):
		fmt.Fprintln(a.stderr, introspect.NotCompared("(in both databases)", from))
	default:
		if len(from) > 0 {
			fmt.Fprintln(a.stderr, introspect.NotCompared("in --from", from))
		}
		if len(to) > 0 {
			fmt.Fprintln(a.stderr, introspect.NotCompared("in --to", to))
		}
	}
	return true
}
