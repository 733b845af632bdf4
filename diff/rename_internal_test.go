package diff

import "testing"

func TestRenameIdent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr, want string
	}{
		{"bare", "length(nick) > 0", "length(handle) > 0"},
		{"case-insensitive bare", "NICK <> ''", "handle <> ''"},
		{"double-quoted", `"nick" IS NOT NULL`, `"handle" IS NOT NULL`},
		{"backticks", "`nick` <> 'nick'", "`handle` <> 'nick'"},
		{"quoted needs exact case", `"Nick" > 0`, `"Nick" > 0`},
		{"string literal untouched", "nick <> 'it''s nick'", "handle <> 'it''s nick'"},
		{"longer word untouched", "nickname = nick_2 AND nick2 > 0", "nickname = nick_2 AND nick2 > 0"},
		{"qualified", "t.nick = 1", "t.handle = 1"},
		{"number then word", "1nick", "1nick"},
		{"empty", "", ""},
		{"unterminated quote", `"nick`, `"nick`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := renameIdent(tt.expr, "nick", "handle"); got != tt.want {
				t.Errorf("renameIdent(%q) = %q, want %q", tt.expr, got, tt.want)
			}
		})
	}
}
