package autogen_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/migrate"
)

// TestRevisionNaming: env.go's FileTemplate names the file and TimeZone
// dates it, in the name and in the header; bad settings are errors that
// name the setting.
func TestRevisionNaming(t *testing.T) {
	t.Parallel()
	if _, err := time.LoadLocation("Asia/Tokyo"); err != nil {
		t.Skip("no time zone database")
	}
	ctx := context.Background()
	env := &migrate.Env{Dialect: "sqlite", FileTemplate: "{year}{month}{day}_{hour}{minute}_{rev}_{slug}", TimeZone: "Asia/Tokyo"}
	spec := autogen.RevisionSpec{ID: "cccc00000003", Message: "By hand", CreateDate: time.Date(2026, 12, 31, 20, 30, 0, 0, time.UTC)}
	res, err := autogen.Revision(ctx, nil, env, spec, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Files[0]
	if f.Name != "20270101_0530_cccc00000003_by_hand.go" {
		t.Errorf("name %q", f.Name)
	}
	if !strings.Contains(string(f.Source), "// Create Date: 2027-01-01 05:30:00 +09:00 Asia/Tokyo\n") {
		t.Errorf("header:\n%s", f.Source)
	}
	for _, bad := range []*migrate.Env{
		{Dialect: "sqlite", TimeZone: "Mars/Olympus"},
		{Dialect: "sqlite", FileTemplate: "{slug}"},
	} {
		_, err := autogen.Revision(ctx, nil, bad, spec, autogen.Options{})
		if err == nil || !strings.Contains(err.Error(), "env.go") {
			t.Errorf("%+v: err = %v, want an error naming the env.go setting", bad, err)
		}
	}
}
