package cli

import (
	"fmt"
	"io"

	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/modelgen"
)

// generateModels writes the Go models of a reflected schema: the source
// and its struct names. Each attribute the db tags cannot spell is a
// warning on stderr naming table.column and what is lost.
// command names what wrote the file in its header.
func generateModels(stderr io.Writer, s model.Schema, pkg, url, command string) (modelgen.Result, error) {
	res, err := modelgen.Generate(s, modelgen.Options{
		Package: pkg,
		Header:  "Written by `" + command + "` from " + dburl.Redact(url) + "; edit freely.",
	})
	if err != nil {
		return modelgen.Result{}, err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %s (the models do not hold it: `retort check` reports it until the tags can)\n", w)
	}
	return res, nil
}
