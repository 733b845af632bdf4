package model_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
)

func TestSnakeCase(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"UserID", "user_id"},
		{"HTTPServer", "http_server"},
		{"CreatedAt", "created_at"},
		{"ID", "id"},
		{"Id", "id"},
		{"User", "user"},
		{"user", "user"},
		{"UTF8Value", "utf8_value"},
		{"Address2", "address2"},
		{"V2Name", "v2_name"},
		{"OrgUUID", "org_uuid"},
		{"Already_Snake", "already_snake"},
		{"APIKeyID", "api_key_id"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := model.SnakeCase(tt.in); got != tt.want {
				t.Errorf("SnakeCase(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 60)
	tests := []struct {
		name, got, want string
	}{
		{"pk", model.PrimaryKeyName("users"), "pk_users"},
		{"index one column", model.IndexName("users", "email"), "ix_users_email"},
		{"index two columns", model.IndexName("users", "org_id", "email"), "ix_users_org_id_email"},
		{"unique", model.UniqueName("users", "org_id", "email"), "uq_users_org_id_email"},
		{"foreign key", model.ForeignKeyName("users", []string{"team_id"}, "teams"), "fk_users_team_id_teams"},
		{"check", model.CheckName("users", "age"), "ck_users_age"},
		{"exactly 63 bytes", model.Truncate(strings.Repeat("x", 63)), strings.Repeat("x", 63)},
		// FNV-1a-32 of "ix_" + 60 a's + "_email".
		{"long index name", model.IndexName(long, "email"), "ix_" + strings.Repeat("a", 51) + "_" + fnv32a("ix_"+long+"_email")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	a := model.Truncate(strings.Repeat("n", 70) + "_a")
	b := model.Truncate(strings.Repeat("n", 70) + "_b")
	if len(a) != model.MaxNameLen || len(b) != model.MaxNameLen {
		t.Fatalf("len = %d, %d; want %d", len(a), len(b), model.MaxNameLen)
	}
	if a == b {
		t.Errorf("two long names with a shared prefix truncate to the same %q", a)
	}
	if got := model.Truncate(strings.Repeat("n", 70) + "_a"); got != a {
		t.Errorf("Truncate is not stable: %q then %q", a, got)
	}
	// A cut inside a multi-byte rune backs off to the rune's start.
	u := model.Truncate(strings.Repeat("a", 53) + "é" + strings.Repeat("b", 20))
	if !strings.HasPrefix(u, strings.Repeat("a", 53)+"_") || len(u) != 62 {
		t.Errorf("Truncate split a rune: %q", u)
	}
}

// fnv32a is an independent FNV-1a-32 implementation for the test.
func fnv32a(s string) string {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	const hex = "0123456789abcdef"
	out := make([]byte, 8)
	for i := 7; i >= 0; i-- {
		out[i] = hex[h&0xf]
		h >>= 4
	}
	return string(out)
}

// TestTruncateHashDigits: the hash suffix is always 8 hex digits, zero-padded
// when the hash is small (checked against the independent fnv32a).
func TestTruncateHashDigits(t *testing.T) {
	t.Parallel()
	padded := 0
	for i := range 200 {
		name := strings.Repeat("c", 70) + strconv.Itoa(i)
		want := strings.Repeat("c", 54) + "_" + fnv32a(name)
		if got := model.Truncate(name); got != want {
			t.Fatalf("Truncate(%q) = %q, want %q", name, got, want)
		}
		if want[55] == '0' {
			padded++
		}
	}
	if padded == 0 {
		t.Fatal("no name had a hash with a leading zero digit; pick other names")
	}
}
