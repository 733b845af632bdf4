package postgres

import (
	"fmt"

	"github.com/retortdb/retort/model"
)

// createExtension is CREATE EXTENSION IF NOT EXISTS, in the extension's
// schema when it names one; a database that has the extension already
// (another team's, or installed by hand) is left as it is.
func createExtension(e model.Extension) ([]string, error) {
	if e.Name == "" {
		return nil, fmt.Errorf("postgres: create extension: no name")
	}
	s := "CREATE EXTENSION IF NOT EXISTS " + quoteIdent(e.Name)
	if e.Schema != "" {
		s += " SCHEMA " + quoteIdent(e.Schema)
	}
	return []string{s}, nil
}

// dropExtension is DROP EXTENSION IF EXISTS, without CASCADE: the server
// refuses it while a column, index or function still uses the extension.
func dropExtension(e model.Extension) ([]string, error) {
	if e.Name == "" {
		return nil, fmt.Errorf("postgres: drop extension: no name")
	}
	return []string{"DROP EXTENSION IF EXISTS " + quoteIdent(e.Name)}, nil
}
