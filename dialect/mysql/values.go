package mysql

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

var _ dialect.ValueChecker = (*Dialect)(nil)

// charsetName is a character set or collation name as MySQL's grammar
// takes it unquoted (utf8mb4, utf8mb4_0900_ai_ci, binary).
var charsetName = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// CheckValue checks a keyword-like value against MySQL's grammar: a
// character set or collation is a name of letters, digits and "_"; an
// index method is BTREE, HASH, FULLTEXT or SPATIAL (any other is refused,
// not silently dropped).
func (d *Dialect) CheckValue(kind dialect.ValueKind, value string) error {
	switch kind {
	case dialect.ValueCharset:
		if !charsetName.MatchString(value) {
			return &dialect.ValueError{Kind: kind, Value: value, Fix: "charset must be an identifier such as utf8mb4"}
		}
		return nil
	case dialect.ValueCollation:
		if !charsetName.MatchString(value) {
			return &dialect.ValueError{Kind: kind, Value: value, Fix: "collate must be a collation name such as utf8mb4_bin or utf8mb4_unicode_ci"}
		}
		return nil
	case dialect.ValueIndexMethod:
		switch strings.ToUpper(value) {
		case "BTREE", "HASH", "FULLTEXT", "SPATIAL":
			return nil
		}
		return &dialect.ValueError{Kind: kind, Value: value, Fix: "index_method must be btree, hash, fulltext or spatial on " + d.serverName()}
	}
	return dialect.CheckValue(kind, value)
}

// CheckTableOption checks a table option as MySQL writes it
// (NAME=VALUE): the shared rule ([dialect.CheckTableOption]), and a
// character set or collation name for CHARSET and COLLATE.
func (d *Dialect) CheckTableOption(o model.TableOption) error {
	if err := dialect.CheckTableOption(d, o); err != nil {
		return err
	}
	for _, c := range CanonicalOptions([]model.TableOption{o}) {
		switch c.Name {
		case OptionCharset:
			return d.CheckValue(dialect.ValueCharset, c.Value)
		case OptionCollate:
			return d.CheckValue(dialect.ValueCollation, c.Value)
		}
	}
	return nil
}

// serverName is "MariaDB" or "MySQL".
func (d *Dialect) serverName() string {
	if d.Flavor == FlavorMariaDB {
		return "MariaDB"
	}
	return "MySQL"
}
