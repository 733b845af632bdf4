package mysql

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// Flavor is the server family a [Dialect] writes for.
type Flavor int

// Server families.
const (
	// FlavorMySQL is Oracle MySQL 8 (and compatible servers).
	FlavorMySQL Flavor = iota
	// FlavorMariaDB is MariaDB 10.2 or later.
	FlavorMariaDB
)

// String names the flavour.
func (f Flavor) String() string {
	if f == FlavorMariaDB {
		return "mariadb"
	}
	return "mysql"
}

// Version is a server version, major.minor.patch.
type Version struct {
	Major, Minor, Patch int
}

// Less reports whether v is older than major.minor.
func (v Version) Less(major, minor int) bool {
	return v.Major < major || v.Major == major && v.Minor < minor
}

// Dialect is the MySQL/MariaDB dialect. The zero value writes for MySQL 8.
type Dialect struct {
	// Flavor is the server family.
	Flavor Flavor
	// Version is the server version; the zero value means "recent"
	// (MySQL 8.0.x or MariaDB 10.5+ behaviour).
	Version Version
	// DatabaseCollation is the database's default collation
	// (SELECT @@collation_database), which tables get when the model names
	// no CHARSET or COLLATE option. Empty means utf8mb4 with the flavour's
	// default collation.
	DatabaseCollation string
}

var (
	_ dialect.Dialect     = (*Dialect)(nil)
	_ dialect.IdentQuoter = (*Dialect)(nil)
)

// ErrUnsupported is returned for an op the dialect cannot write SQL for
// (a [ops.Custom] op).
var ErrUnsupported = errors.New("mysql: unsupported operation")

// New returns the dialect with MySQL 8 behaviour.
func New() *Dialect { return &Dialect{} }

// NewMariaDB returns the dialect with MariaDB 10.5+ behaviour.
func NewMariaDB() *Dialect { return &Dialect{Flavor: FlavorMariaDB} }

// NewForVersion returns the dialect for a server whose SELECT VERSION() gave
// version, e.g. "10.11.19-MariaDB-0+deb12u1" or "8.0.36".
func NewForVersion(version string) *Dialect {
	f, v := ParseVersion(version)
	return &Dialect{Flavor: f, Version: v}
}

var versionRE = regexp.MustCompile(`^(\d+)\.(\d+)(?:\.(\d+))?`)

// ParseVersion reads the flavour and number from a SELECT VERSION() string.
// MariaDB says "MariaDB" in it (older releases prefix "5.5.5-").
func ParseVersion(version string) (Flavor, Version) {
	f := FlavorMySQL
	if strings.Contains(strings.ToLower(version), "mariadb") {
		f = FlavorMariaDB
	}
	s := strings.TrimPrefix(version, "5.5.5-")
	var v Version
	if m := versionRE.FindStringSubmatch(s); m != nil {
		v.Major, _ = strconv.Atoi(m[1])
		v.Minor, _ = strconv.Atoi(m[2])
		v.Patch, _ = strconv.Atoi(m[3])
	}
	return f, v
}

// Name returns [dialect.MySQL], for MariaDB too.
func (d *Dialect) Name() dialect.Name { return dialect.MySQL }

// TransactionalDDL reports false: MySQL commits before and after each DDL
// statement.
func (d *Dialect) TransactionalDDL() bool { return false }

// hasRenameColumn reports whether ALTER TABLE ... RENAME COLUMN exists
// (MySQL 8.0, MariaDB 10.5).
func (d *Dialect) hasRenameColumn() bool {
	if d.Version == (Version{}) {
		return true
	}
	if d.Flavor == FlavorMariaDB {
		return !d.Version.Less(10, 5)
	}
	return !d.Version.Less(8, 0)
}

var plainIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*$`)

// QuoteIdent quotes name in backticks when it is not a plain identifier or
// is a reserved word; a backtick inside is doubled.
func (*Dialect) QuoteIdent(name string) string { return quoteIdent(name) }

// quoteIdent is [Dialect.QuoteIdent].
func quoteIdent(name string) string {
	if plainIdent.MatchString(name) && !reserved[strings.ToLower(name)] {
		return name
	}
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// QuoteIdentAlways quotes name in backticks ([dialect.IdentQuoter]).
func (*Dialect) QuoteIdentAlways(name string) string { return Backquote(name) }

// Backquote quotes name in backticks, a backtick inside doubled, whatever
// name is; introspect/mysql names tables in catalog statements with it.
func Backquote(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// quoteString writes s as an SQL string literal in the default sql_mode
// (backslash escapes on).
func quoteString(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// reserved holds MySQL 8 and MariaDB reserved words (those that must be
// quoted as identifiers).
var reserved = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`accessible add all alter analyze and as asc asensitive before between bigint
binary blob both by call cascade case change char character check collate column condition constraint
continue convert create cross cube cume_dist current_date current_role current_time current_timestamp current_user cursor
database databases day_hour day_microsecond day_minute day_second dec decimal declare default delayed
delete delete_domain_id dense_rank desc describe deterministic distinct distinctrow div do_domain_ids double drop dual each else
elseif empty enclosed escaped except exists exit explain false fetch first_value float float4 float8 for force foreign
from fulltext function general generated get grant group grouping groups having high_priority hour_microsecond
hour_minute hour_second if ignore ignore_domain_ids ignore_server_ids in index infile inner inout insensitive insert int int1
int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids is iterate join json_table key keys
kill lag last_value lateral lead leading leave left like limit linear lines load localtime localtimestamp
lock long longblob longtext loop low_priority master_bind master_heartbeat_period master_ssl_verify_server_cert match maxvalue mediumblob mediumint
mediumtext middleint minute_microsecond minute_second mod modifies natural not no_write_to_binlog nth_value ntile null
numeric of offset on optimize optimizer_costs option optionally or order out outer outfile over page_checksum parse_vcol_expr partition percent_rank position
precision primary procedure purge range rank read read_write reads real recursive ref_system_id references regexp release rename
repeat replace require resignal restrict return returning revoke right rlike row row_number rows schema schemas
second_microsecond select sensitive separator set show signal slow smallint spatial specific sql sql_big_result
sql_calc_found_rows sql_small_result sqlexception sqlstate sqlwarning ssl starting stats_auto_recalc stats_persistent stats_sample_pages stored straight_join system table terminated
then tinyblob tinyint tinytext to trailing trigger true undo union unique unlock unsigned update usage
use using utc_date utc_time utc_timestamp values varbinary varchar varcharacter varying virtual when where
while window with write xor year_month zerofill`) {
		m[w] = true
	}
	return m
}()
