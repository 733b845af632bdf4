package autogen

import (
	"fmt"
	"time"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/render"
)

// FileNaming is how env.go names and dates new revision files: its
// FileTemplate and TimeZone, parsed.
type FileNaming struct {
	// Template names the files.
	Template render.FileTemplate
	// Zone is the Create Date's time zone; nil is UTC.
	Zone *time.Location
}

// Naming reads env's FileTemplate and TimeZone; the errors name the
// setting and say what is wrong.
func Naming(env *migrate.Env) (FileNaming, error) {
	var n FileNaming
	var err error
	if n.Template, err = render.ParseFileTemplate(env.FileTemplate); err != nil {
		return FileNaming{}, fmt.Errorf("env.go FileTemplate: %w", err)
	}
	if env.TimeZone != "" {
		if n.Zone, err = time.LoadLocation(env.TimeZone); err != nil {
			return FileNaming{}, fmt.Errorf("env.go TimeZone %q: %w; use an IANA name such as \"Europe/Berlin\", or leave it empty for UTC", env.TimeZone, err)
		}
	}
	return n, nil
}

// Date returns t in the naming's zone.
func (n FileNaming) Date(t time.Time) time.Time {
	if n.Zone == nil {
		return t.UTC()
	}
	return t.In(n.Zone)
}

// Name returns the file name of a revision created at date.
func (n FileNaming) Name(id, message string, date time.Time) string {
	return n.Template.Name(id, message, n.Date(date))
}
