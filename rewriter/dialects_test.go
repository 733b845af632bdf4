package rewriter_test

import (
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/rewriter"
)

// sqlDialect is the implementation of a dialect name, as the retort
// command puts it in rewriter contexts.
func sqlDialect(name string) rewriter.SQLDialect {
	be, err := backend.Lookup(name)
	if err != nil {
		panic(err)
	}
	return be.Dialect
}

// envOf is an Env of the dialect with its Backend set, as the retort
// command sets it.
func envOf(name string) *migrate.Env {
	be, err := backend.Lookup(name)
	if err != nil {
		panic(err)
	}
	return &migrate.Env{Dialect: name, Backend: migrate.Backend{Dialect: be.Dialect, Inspector: be.Inspector}}
}
