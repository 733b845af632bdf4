package postgres

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

// Table-level attributes PostgreSQL keeps in pg_class besides UNLOGGED and
// WITH, held as table options (tag option=NAME=VALUE):
//
//   - REPLICA_IDENTITY (relreplident): "" (DEFAULT), FULL, NOTHING or
//     "USING INDEX name"; ALTER TABLE ... REPLICA IDENTITY.
//   - ROW_SECURITY (relrowsecurity): "true" or ""; ALTER TABLE ... ENABLE
//     / DISABLE ROW LEVEL SECURITY.
//   - FORCE_ROW_SECURITY (relforcerowsecurity): "true" or ""; ALTER TABLE
//     ... FORCE / NO FORCE ROW LEVEL SECURITY.
//
// Row-security policies themselves are not compared (they are named as
// objects not compared).
const (
	optReplicaIdentity  = "REPLICA_IDENTITY"
	optRowSecurity      = "ROW_SECURITY"
	optForceRowSecurity = "FORCE_ROW_SECURITY"
)

// replicaIdentity is the canonical spelling of a REPLICA_IDENTITY value:
// "" for DEFAULT, FULL, NOTHING, or "USING INDEX name" (the name as the
// catalog writes it, unquoted); ok is false for anything else.
func replicaIdentity(v string) (string, bool) {
	f := strings.Fields(v)
	switch {
	case len(f) == 0:
		return "", true
	case len(f) == 1:
		switch strings.ToUpper(f[0]) {
		case "DEFAULT":
			return "", true
		case "FULL", "NOTHING":
			return strings.ToUpper(f[0]), true
		}
	case len(f) >= 3 && strings.EqualFold(f[0], "USING") && strings.EqualFold(f[1], "INDEX"):
		m := usingIndex.FindStringSubmatch(v)
		if m == nil {
			return "", false
		}
		name := m[1]
		if unq, ok := unquoteIdent(name); ok {
			name = unq
		} else if strings.Contains(name, `"`) {
			return "", false
		}
		if name == "" || strings.ContainsRune(name, 0) {
			return "", false
		}
		return "USING INDEX " + name, true
	}
	return "", false
}

// usingIndex takes the index name out of "USING INDEX name".
var usingIndex = regexp.MustCompile(`(?is)^\s*USING\s+INDEX\s+(.+?)\s*$`)

// unquoteIdent takes the double quotes off a quoted identifier.
func unquoteIdent(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s, false
	}
	return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`), true
}

// flagValue is the canonical spelling of a true/false table option:
// "true" or "".
func flagValue(v string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "on", "yes", "1", "enable", "enabled":
		return "true", true
	case "", "false", "off", "no", "0", "disable", "disabled":
		return "", true
	}
	return "", false
}

// checkTableFlag checks a REPLICA_IDENTITY, ROW_SECURITY or
// FORCE_ROW_SECURITY option; handled is false for other options.
func checkTableFlag(o model.TableOption) (handled bool, err error) {
	switch strings.ToUpper(strings.TrimSpace(o.Name)) {
	case optReplicaIdentity:
		if _, ok := replicaIdentity(o.Value); !ok {
			return true, fmt.Errorf("option=REPLICA_IDENTITY takes DEFAULT, FULL, NOTHING or USING INDEX name, not %q", o.Value)
		}
		return true, nil
	case optRowSecurity, optForceRowSecurity:
		if _, ok := flagValue(o.Value); !ok {
			return true, fmt.Errorf("option=%s takes true or false, not %q", strings.ToUpper(o.Name), o.Value)
		}
		return true, nil
	}
	return false, nil
}

// tableFlagSQL is the ALTER TABLE statement that sets one of these
// options to v on the table at ("ALTER TABLE name"); ok is false for
// other options.
func tableFlagSQL(at, name, v string) (string, bool) {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case optReplicaIdentity:
		ri, _ := replicaIdentity(v)
		switch {
		case ri == "":
			return at + " REPLICA IDENTITY DEFAULT", true
		case strings.HasPrefix(ri, "USING INDEX "):
			return at + " REPLICA IDENTITY USING INDEX " + quoteIdent(strings.TrimPrefix(ri, "USING INDEX ")), true
		}
		return at + " REPLICA IDENTITY " + ri, true
	case optRowSecurity:
		if f, _ := flagValue(v); f == "true" {
			return at + " ENABLE ROW LEVEL SECURITY", true
		}
		return at + " DISABLE ROW LEVEL SECURITY", true
	case optForceRowSecurity:
		if f, _ := flagValue(v); f == "true" {
			return at + " FORCE ROW LEVEL SECURITY", true
		}
		return at + " NO FORCE ROW LEVEL SECURITY", true
	}
	return "", false
}

// createTableFlags are the statements a new table needs for the options
// that differ from a new table's (REPLICA IDENTITY DEFAULT, row security
// off), in the order FORCE_ROW_SECURITY, REPLICA_IDENTITY, ROW_SECURITY.
func createTableFlags(t model.Table) []string {
	at := alterTable(t.Schema, t.Name)
	var sqls []string
	for _, name := range []string{optForceRowSecurity, optReplicaIdentity, optRowSecurity} {
		v, _ := t.Option(name)
		if name == optReplicaIdentity {
			if ri, _ := replicaIdentity(v); ri == "" {
				continue
			}
		} else if f, _ := flagValue(v); f == "" {
			continue
		}
		s, _ := tableFlagSQL(at, name, v)
		sqls = append(sqls, s)
	}
	return sqls
}

// canonicalTableFlags are the three options in canonical spelling, always
// present (an empty value is the default), sorted by name.
func canonicalTableFlags(opts []model.TableOption) []model.TableOption {
	out := []model.TableOption{{Name: optForceRowSecurity}, {Name: optReplicaIdentity}, {Name: optRowSecurity}}
	for _, o := range opts {
		for i := range out {
			if !strings.EqualFold(strings.TrimSpace(o.Name), out[i].Name) {
				continue
			}
			if out[i].Name == optReplicaIdentity {
				out[i].Value, _ = replicaIdentity(o.Value)
			} else {
				out[i].Value, _ = flagValue(o.Value)
			}
		}
	}
	return out
}

// OptionIndex returns the index a REPLICA_IDENTITY of USING INDEX names,
// and "" (DEFAULT) to let it go; ok is false for any other option or
// value ([dialect.IndexOptioner]).
func (*Dialect) OptionIndex(o model.TableOption) (index, release string, ok bool) {
	if !strings.EqualFold(strings.TrimSpace(o.Name), optReplicaIdentity) {
		return "", "", false
	}
	ri, valid := replicaIdentity(o.Value)
	index, named := strings.CutPrefix(ri, "USING INDEX ")
	if !valid || !named {
		return "", "", false
	}
	return index, "", true
}

var _ dialect.IndexOptioner = (*Dialect)(nil)
