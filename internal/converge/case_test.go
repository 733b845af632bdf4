package converge

import (
	"strings"
	"testing"
)

func TestParseCase(t *testing.T) {
	c, err := ParseCase(SQLite, "x", []byte("header text\n-- note --\nwhat it covers\n-- not compared --\nView\n\ntrigger\n-- from --\nCREATE TABLE a (id INTEGER);\n-- a comment\n-- to --\nCREATE TABLE b (id INTEGER);\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.From != "CREATE TABLE a (id INTEGER);\n-- a comment\n" || c.To != "CREATE TABLE b (id INTEGER);\n" {
		t.Errorf("scripts: from %q, to %q", c.From, c.To)
	}
	if c.Note != "what it covers" || strings.Join(c.NotCompared, ",") != "view,trigger" {
		t.Errorf("note %q, not compared %q", c.Note, c.NotCompared)
	}
	if c.Equal() {
		t.Error("x is no equal_ case")
	}
	for _, bad := range []string{
		"-- from --\nx\n", // no to
		"-- to --\nx\n",   // no from
		"-- from --\nx\n-- to --\ny\n-- to --\nz", // twice
		"-- from --\nx\n-- too --\ny\n",           // unknown
	} {
		if _, err := ParseCase(SQLite, "bad", []byte(bad)); err == nil {
			t.Errorf("ParseCase(%q) accepted it", bad)
		}
	}
}

// TestCaseFiles parses every committed case: each has a note, and scripts.
func TestCaseFiles(t *testing.T) {
	for _, d := range Dialects() {
		cases, err := LoadCases(d, "testdata/"+string(d))
		if err != nil {
			t.Fatal(err)
		}
		if len(cases) == 0 {
			t.Errorf("%s: no cases", d)
		}
		for _, c := range cases {
			if c.Note == "" || strings.TrimSpace(c.From) == "" || strings.TrimSpace(c.To) == "" {
				t.Errorf("%s/%s: a case needs a note and two scripts", d, c.Name)
			}
		}
	}
}

func TestMentionsKind(t *testing.T) {
	for _, tc := range []struct {
		line, kind string
		want       bool
	}{
		{"not compared: 2 views, 1 trigger", "view", true},
		{"not compared: 2 views, 1 trigger", "trigger", true},
		{"not compared: 3 policies", "policy", true},
		{"not compared: 1 sequence", "function", false},
	} {
		if got := mentionsKind(tc.line, tc.kind); got != tc.want {
			t.Errorf("mentionsKind(%q, %q) = %v", tc.line, tc.kind, got)
		}
	}
}
