package migrate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

func TestPostWriteHookArgs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		command []string
		want    []string
		err     error
	}{
		{"placeholder", []string{"goimports", "-w", "{file}"}, []string{"goimports", "-w", "/m/a.go"}, nil},
		{"inside an argument", []string{"lint", "--path={file}"}, []string{"lint", "--path=/m/a.go"}, nil},
		{"appended", []string{"gofmt", "-w"}, []string{"gofmt", "-w", "/m/a.go"}, nil},
		{"empty", nil, nil, ErrPostWrite},
		{"blank program", []string{" "}, nil, ErrPostWrite},
		{"program is the file", []string{"{file}"}, nil, ErrPostWrite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := PostWriteHook{Command: tt.command}.Args("/m/a.go")
			if !errors.Is(err, tt.err) {
				t.Fatalf("Args() error = %v, want %v", err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Args() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEnvProcessScript(t *testing.T) {
	t.Parallel()
	status := model.Column{Name: "status", Type: model.Type{SQL: "text"}, Default: "'new'"}
	env := &Env{
		Dialect:     "postgres",
		Rewriter:    rewriter.TwoStepNotNull(),
		ScriptHooks: []rewriter.ScriptHook{rewriter.SkipEmpty},
	}
	up := []ops.Op{ops.AddColumn{Table: "users", Column: status}}
	got, err := env.ProcessScript(rewriter.Script{ID: "a1", Message: "status", Upgrade: up, Downgrade: []ops.Op{ops.DropColumn{Table: "users", Column: status}}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Upgrade) != 3 || len(got[0].Downgrade) != 1 {
		t.Errorf("ProcessScript() = %+v, want one script with 3 upgrade ops and 1 downgrade op", got)
	}
	none, err := env.ProcessScript(rewriter.Script{ID: "a2", Message: "nothing"}, true)
	if err != nil || len(none) != 0 {
		t.Errorf("ProcessScript(empty) = %v, %v; want no scripts", none, err)
	}
	var bare Env
	kept, err := bare.ProcessScript(rewriter.Script{ID: "a3", Message: "nothing"}, true)
	if err != nil || len(kept) != 1 {
		t.Errorf("zero Env ProcessScript(empty) = %v, %v; want the script kept", kept, err)
	}
}
