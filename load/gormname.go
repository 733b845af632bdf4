package load

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// gormInitialisms are the common initialisms GORM's naming strategy
// spells as one word before splitting a Go name ("ID", "HTTP", "UUID"):
// UserIDs is user_ids, not user_i_ds.
var gormInitialisms = []string{"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF", "XSS"}

// gormInitialismReplacer rewrites each initialism as a capitalised word
// (ID → Id), trying them in the order above at each position, as
// strings.Replacer does.
var gormInitialismReplacer = func() *strings.Replacer {
	pairs := make([]string, 0, 2*len(gormInitialisms))
	for _, w := range gormInitialisms {
		pairs = append(pairs, w, w[:1]+strings.ToLower(w[1:]))
	}
	return strings.NewReplacer(pairs...)
}()

// gormDBName is GORM's NamingStrategy column and table word: initialisms
// become words, then an upper-case ASCII letter starts a new "_"-separated
// word when it follows a lower-case letter or digit, or when it is the
// last of an upper-case run followed by a lower-case letter; letters are
// lower-cased. Unlike [model.SnakeCase], "IDs" is "ids" and "JSONData"
// "json_data" by the initialism rule.
func gormDBName(name string) string {
	if name == "" {
		return ""
	}
	v := gormInitialismReplacer.Replace(name)
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	var b strings.Builder
	b.Grow(len(v) + 4)
	last, cur := false, upper(v[0])
	for i := 0; i < len(v)-1; i++ {
		c := v[i]
		next, nextDigit := upper(v[i+1]), digit(v[i+1])
		switch {
		case !cur:
			b.WriteByte(c)
		case last && (next || nextDigit):
			b.WriteByte(c + 'a' - 'A')
		default:
			if i > 0 && v[i-1] != '_' && v[i+1] != '_' {
				b.WriteByte('_')
			}
			b.WriteByte(c + 'a' - 'A')
		}
		last, cur = cur, next
	}
	c := v[len(v)-1]
	if cur {
		if !last && len(v) > 1 {
			b.WriteByte('_')
		}
		b.WriteByte(c + 'a' - 'A')
	} else {
		b.WriteByte(c)
	}
	return b.String()
}

// gormName is a name GORM generates (idx_, uni_, chk_, fk_): prefix, table
// and name joined with "_", dots made "_"; longer than max runes (0: 64),
// it keeps its first max-8 bytes and ends in the first 8 hex digits of
// the SHA-1 of the whole name.
func gormName(max int, prefix, table, name string) string {
	s := strings.ReplaceAll(prefix+"_"+table+"_"+name, ".", "_")
	if max == 0 {
		max = 64
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	sum := sha1.Sum([]byte(s))
	return s[:max-8] + hex.EncodeToString(sum[:])[:8]
}

// identMax is the length past which GORM shortens the names it
// generates: IdentifierMaxLength, else the driver's default (PostgreSQL's
// driver sets 63, PostgreSQL's own limit; GORM's is 64).
func (o GORMOptions) identMax() int {
	switch {
	case o.IdentifierMaxLength > 0:
		return o.IdentifierMaxLength
	case o.Driver == GORMPostgres:
		return 63
	}
	return 64
}

// gormTableName is GORM's table name for a Go type name: prefix + the
// plural (or, with SingularTable, the singular) of its snake_case.
func (o GORMOptions) tableName(typeName string) string {
	if i := strings.IndexByte(typeName, '['); i >= 0 {
		typeName = typeName[:i]
	}
	if o.SingularTable {
		return o.TablePrefix + gormDBName(typeName)
	}
	return o.TablePrefix + Plural(gormDBName(typeName))
}

// joinTableName is GORM's name for a many2many join table: the prefix and
// the name as written when it is all lower case, else as a table name.
func (o GORMOptions) joinTableName(name string) string {
	if strings.ToLower(name) == name {
		return o.TablePrefix + name
	}
	return o.tableName(name)
}
