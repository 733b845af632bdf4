package sqllex

// CloseParen returns the index of the token closing the parenthesis at
// toks[open], or len(toks) when it is never closed.
func CloseParen(toks []Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].IsPunct("("):
			depth++
		case toks[i].IsPunct(")"):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks)
}

// SplitTop splits toks on commas outside parentheses.
func SplitTop(toks []Token) [][]Token {
	var parts [][]Token
	depth, start := 0, 0
	for i, t := range toks {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case t.IsPunct(",") && depth == 0:
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	return append(parts, toks[start:])
}

// Span returns the source text toks cover, as written (comments and
// spacing between them included).
func Span(src string, toks []Token) string {
	if len(toks) == 0 {
		return ""
	}
	return src[toks[0].Start:toks[len(toks)-1].End]
}
