// Command retort generates and runs schema migrations from Go models.
// See the README and `retort help`.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/retortdb/retort/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
