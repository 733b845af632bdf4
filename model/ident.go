package model

// IsPlainIdent reports whether s is a plain SQL identifier as the db tag
// grammar reads one: letters, digits, "_" and "$", not starting with a
// digit. The loader reads names with it and modelgen writes only names it
// accepts, so the two cannot drift apart.
func IsPlainIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 0x7f:
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
