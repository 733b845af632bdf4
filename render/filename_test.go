package render_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
)

func TestFileTemplate(t *testing.T) {
	t.Parallel()
	date := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	tests := []struct {
		tmpl, id, msg, want string
	}{
		{"", "a1b2", "Add user bio", "a1b2_add_user_bio.go"},
		{"{rev}_{slug}", "a1b2", "", "a1b2.go"},
		{"{year}{month}{day}_{hour}{minute}{second}_{rev}_{slug}", "a1b2", "Add bio", "20260304_050607_a1b2_add_bio.go"},
		{"{year}-{month}-{day}_{rev}", "a1b2", "ignored", "2026-03-04_a1b2.go"},
	}
	for _, tt := range tests {
		ft, err := render.ParseFileTemplate(tt.tmpl)
		if err != nil {
			t.Fatalf("%q: %v", tt.tmpl, err)
		}
		got := ft.Name(tt.id, tt.msg, date)
		if got != tt.want {
			t.Errorf("%q: Name = %q, want %q", tt.tmpl, got, tt.want)
		}
		if !ft.Matches(got, tt.id) {
			t.Errorf("%q: %q does not match its own id", tt.tmpl, got)
		}
		if ft.Matches(got, "ffff") {
			t.Errorf("%q: %q matches another id", tt.tmpl, got)
		}
	}
	for _, bad := range []string{"{slug}", "{rev}_{rev}", "{rev}/{slug}", "{rev}_{when}", "_{rev}", "{rev", "{rev} {slug}", "{slug}_{rev}"} {
		if _, err := render.ParseFileTemplate(bad); !errors.Is(err, render.ErrFileTemplate) {
			t.Errorf("%q: err = %v, want ErrFileTemplate", bad, err)
		}
	}
}

func TestCreateDateZone(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database")
	}
	date := time.Date(2026, 11, 22, 10, 4, 51, 0, time.UTC)
	src, err := render.File(render.Revision{Header: ops.Header{ID: "a1", Message: "zoned"}, CreateDate: date, Zone: berlin}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "// Create Date: 2026-11-22 11:04:51 +01:00 Europe/Berlin\n") {
		t.Errorf("header:\n%s", src)
	}
	src, err = render.File(render.Revision{Header: ops.Header{ID: "a1", Message: "utc"}, CreateDate: date.In(berlin)}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "// Create Date: 2026-11-22 10:04:51 UTC\n") {
		t.Errorf("header without a zone:\n%s", src)
	}
}
