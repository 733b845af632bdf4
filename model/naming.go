package model

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLen is the longest object name every supported database keeps
// whole (PostgreSQL's NAMEDATALEN-1); [Truncate] shortens longer names.
const MaxNameLen = 63

// truncKeep is how many bytes of an over-long name [Truncate] keeps before
// the "_" and the 8 hex digits of the hash.
const truncKeep = MaxNameLen - 1 - 8

// Truncate returns name unchanged when it is at most [MaxNameLen] (63)
// bytes long. A longer name is cut to its first 54 bytes, followed by "_"
// and the 8 lower-case hex digits of the 32-bit FNV-1a hash of the full
// name, so two long names that share a prefix stay distinct and the result
// is stable. A cut that would split a UTF-8 sequence backs off to the start
// of that rune (for ASCII names the result is always exactly 63 bytes).
func Truncate(name string) string {
	if len(name) <= MaxNameLen {
		return name
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	cut := truncKeep
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	hex := strconv.FormatUint(uint64(h.Sum32()), 16)
	return name[:cut] + "_" + strings.Repeat("0", 8-len(hex)) + hex
}

// PrimaryKeyName returns the generated primary key name pk_<table>.
func PrimaryKeyName(table string) string {
	return Truncate("pk_" + table)
}

// IndexName returns the generated index name ix_<table>_<col1>_<col2>...
func IndexName(table string, cols ...string) string {
	return Truncate("ix_" + table + "_" + strings.Join(cols, "_"))
}

// UniqueName returns the generated unique constraint name
// uq_<table>_<col1>_<col2>...
func UniqueName(table string, cols ...string) string {
	return Truncate("uq_" + table + "_" + strings.Join(cols, "_"))
}

// ForeignKeyName returns the generated foreign key name
// fk_<table>_<cols>_<reftable>.
func ForeignKeyName(table string, cols []string, refTable string) string {
	return Truncate("fk_" + table + "_" + strings.Join(cols, "_") + "_" + refTable)
}

// CheckName returns the generated name of a column-level check,
// ck_<table>_<col>.
func CheckName(table, col string) string {
	return Truncate("ck_" + table + "_" + col)
}

// SnakeCase converts a Go identifier to snake_case: "UserID" gives
// "user_id", "HTTPServer" "http_server", "CreatedAt" "created_at". A word
// boundary falls before an upper-case letter that follows a lower-case
// letter or a digit, and before the last upper-case letter of a run that is
// followed by a lower-case letter. Existing underscores are kept (never
// doubled).
func SnakeCase(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				if !strings.HasSuffix(b.String(), "_") {
					b.WriteByte('_')
				}
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
