package modelgen

import (
	"strconv"
	"strings"
	"unicode"
)

// initialisms are the words Go spells upper-case in names (user_id gives
// UserID, api_url APIURL).
var initialisms = map[string]bool{
	"acl": true, "api": true, "ascii": true, "cpu": true, "css": true, "dns": true,
	"eof": true, "guid": true, "html": true, "http": true, "https": true, "id": true,
	"ip": true, "json": true, "lhs": true, "qps": true, "ram": true, "rhs": true,
	"rpc": true, "sla": true, "smtp": true, "sql": true, "ssh": true, "tcp": true,
	"tls": true, "ttl": true, "udp": true, "ui": true, "uid": true, "uuid": true,
	"uri": true, "url": true, "utf8": true, "vm": true, "xml": true, "xmpp": true,
	"xsrf": true, "xss": true,
}

// words splits a database name into words: at every character that is
// not a letter or digit, and at lower-to-upper case changes
// ("userAccounts" gives user, accounts).
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// exportedName returns name as an exported Go identifier: CamelCase words
// with initialisms upper-cased; a name that does not start with a letter
// Go exports gets prefix ("C1" for a column named "1"). Go's keywords are
// all lower-case, so an exported name is never one.
func exportedName(name, prefix string) string {
	var b strings.Builder
	for _, w := range words(name) {
		lw := strings.ToLower(w)
		if initialisms[lw] {
			b.WriteString(strings.ToUpper(lw))
			continue
		}
		rs := []rune(w)
		if allUpper(rs) {
			rs = []rune(lw)
		}
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	s := b.String()
	if s == "" {
		return prefix
	}
	if r := []rune(s)[0]; !unicode.IsUpper(r) {
		// A digit, or a letter without case (Go exports only upper-case).
		return prefix + s
	}
	return s
}

// allUpper reports whether every letter of rs is upper-case.
func allUpper(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// namer hands out distinct identifiers within one scope.
type namer struct {
	used map[string]bool
}

// newNamer starts a scope where reserved names are taken.
func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]bool{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

// take returns base, or base with the smallest numeric suffix from 2 that
// is free, and marks it taken.
func (n *namer) take(base string) string {
	name := base
	for i := 2; n.used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}
