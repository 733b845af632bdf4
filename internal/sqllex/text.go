package sqllex

import "strings"

// Statement is one statement of a script as [SplitText] cuts it: its
// source text (comments kept, the ending ; and surrounding space left out)
// and its tokens.
type Statement struct {
	Text   string
	Tokens []Token
	// Start and End are the byte offsets of Text in the script.
	Start, End int
}

// SplitText splits sql into statements on ; outside quotes and comments,
// as [Split] does, and keeps each statement's source text as written, so
// that it can be sent to a server one statement at a time. Statements with
// no tokens (only comments or space) are left out.
func SplitText(sql string, r Rules) ([]Statement, error) {
	l := lexer{s: sql, r: r}
	var out []Statement
	var cur []Token
	start := 0
	flush := func(end int) {
		if len(cur) > 0 {
			text := strings.TrimSpace(sql[start:end])
			from := start + strings.Index(sql[start:end], text)
			out = append(out, Statement{Text: text, Tokens: cur, Start: from, End: from + len(text)})
		}
		cur = nil
	}
	for {
		t, ok, err := l.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if t.IsPunct(";") && l.exec == 0 {
			flush(l.i - 1)
			start = l.i
			continue
		}
		cur = append(cur, t)
	}
	flush(len(sql))
	return out, nil
}
