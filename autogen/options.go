package autogen

import (
	"context"
	"log/slog"

	"github.com/retortdb/retort/model"
)

// Options shape an autogenerate run. The zero value works: the models are
// env.go's, errors in them name no file:line, nothing is logged.
type Options struct {
	// Logger receives progress at debug level (each stage and its
	// duration). Nil discards it.
	Logger *slog.Logger
	// Target, when set, is the target schema, used instead of loading
	// env.go's Models: a schema built by code (benchmarks, tools).
	Target *model.Schema
	// PackageDirs returns the source directory of each Go package named by
	// import path, in order. With it, errors in the models name the file
	// and line of the struct field; nil leaves positions out.
	PackageDirs func(ctx context.Context, importPaths []string) ([]string, error)
	// DataAware counts, on the live database, the rows each safety finding
	// affects ("2 rows have NULL"). A count that fails becomes a warning.
	DataAware bool
}

// logger returns the Logger, or one that discards.
func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}
