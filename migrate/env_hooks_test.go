package migrate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
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
