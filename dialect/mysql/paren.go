package mysql

// ClosingParen returns the index in s of the parenthesis that closes the
// one s opens with, or -1 (s does not start with "(", or it is never
// closed). Quoted text is skipped: '...' and "..." with backslash escapes
// and doubled quotes, `...` with doubled backquotes only (MySQL reads no
// escape inside an identifier). introspect/mysql reads SHOW CREATE TABLE
// with it.
func ClosingParen(s string) int {
	if len(s) == 0 || s[0] != '(' {
		return -1
	}
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote != '`' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
