package postgres

// Rewrites that bring what users write to the form PostgreSQL stores.

// rewriteAny turns "= any (array[...])" into "in (...)" and
// "<> all (array[...])" into "not in (...)".
func rewriteAny(toks []token) []token {
	var out []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+4 < len(toks) && t.kind == tOp && (t.text == "=" || t.text == "<>") &&
			toks[i+1].kind == tWord && toks[i+2].text == "(" && toks[i+3].text == "array" && toks[i+4].text == "[" {
			want := "any"
			if t.text == "<>" {
				want = "all"
			}
			if toks[i+1].text == want {
				cb := matchClose(toks, i+4)
				cp := matchClose(toks, i+2)
				if cb > 0 && cp == cb+1 {
					if t.text == "<>" {
						out = append(out, token{tWord, "not"})
					}
					out = append(out, token{tWord, "in"}, token{tPunct, "("})
					out = append(out, toks[i+5:cb]...)
					out = append(out, token{tPunct, ")"})
					i = cp
					continue
				}
			}
		}
		out = append(out, t)
	}
	return singleIn(out)
}

// singleIn turns "x in (a)" into "x = a" and "x not in (a)" into "x <> a",
// as PostgreSQL stores a one-element list.
func singleIn(toks []token) []token {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != tWord || toks[i].text != "in" || toks[i+1].text != "(" || toks[i+1].kind != tPunct {
			continue
		}
		c := matchClose(toks, i+1)
		if c < 0 || atomEnd(toks, i+2) != c || (i+2 < c && toks[i+2].text == "select") {
			continue
		}
		op, start := "=", i
		if i > 0 && toks[i-1].kind == tWord && toks[i-1].text == "not" {
			op, start = "<>", i-1
		}
		out := append([]token{}, toks[:start]...)
		out = append(out, token{tOp, op})
		out = append(out, toks[i+2:c]...)
		out = append(out, toks[c+1:]...)
		toks = out
	}
	return toks
}

// atomEnd returns the end (exclusive) of the operand starting at i: one
// token, a signed number, a bracketed group, or a call; -1 if there is none.
func atomEnd(toks []token, i int) int {
	if i >= len(toks) {
		return -1
	}
	t := toks[i]
	switch {
	case t.kind == tOp && (t.text == "-" || t.text == "+") && i+1 < len(toks) && toks[i+1].kind == tNumber:
		return i + 2
	case t.kind == tString, t.kind == tNumber, t.kind == tIdent:
		return i + 1
	case t.kind == tWord && binaryPrec(t) < 0 && !boundaryWords[t.text]:
		if i+1 < len(toks) && toks[i+1].text == "(" && toks[i+1].kind == tPunct {
			if c := matchClose(toks, i+1); c > 0 {
				return c + 1
			}
			return -1
		}
		return i + 1
	case t.kind == tPunct && t.text == "(":
		if c := matchClose(toks, i); c > 0 {
			return c + 1
		}
	}
	return -1
}

// atomStart returns the start of the operand that ends just before end.
func atomStart(toks []token, end int) int {
	if end <= 0 {
		return -1
	}
	t := toks[end-1]
	switch {
	case t.kind == tString, t.kind == tNumber, t.kind == tIdent:
		return end - 1
	case t.kind == tWord && binaryPrec(t) < 0 && !boundaryWords[t.text]:
		return end - 1
	case t.kind == tPunct && t.text == ")":
		o := matchOpen(toks, end-1)
		if o > 0 && toks[o-1].kind == tWord && binaryPrec(toks[o-1]) < 0 && !boundaryWords[toks[o-1].text] && !nonGroupingWords[toks[o-1].text] {
			o--
		}
		return o
	}
	return -1
}

// rewriteBetween turns "x between a and b" with simple operands into
// "(x >= a and x <= b)", the form PostgreSQL stores.
func rewriteBetween(toks []token) []token {
	for i := 1; i < len(toks); i++ {
		if toks[i].kind != tWord || toks[i].text != "between" || toks[i-1].text == "not" {
			continue
		}
		xs := atomStart(toks, i)
		loEnd := atomEnd(toks, i+1)
		if xs < 0 || loEnd < 0 || loEnd >= len(toks) || toks[loEnd].text != "and" || toks[loEnd].kind != tWord {
			continue
		}
		hiEnd := atomEnd(toks, loEnd+1)
		if hiEnd < 0 {
			continue
		}
		x, lo, hi := toks[xs:i], toks[i+1:loEnd], toks[loEnd+1:hiEnd]
		var out []token
		out = append(out, toks[:xs]...)
		out = append(out, token{tPunct, "("})
		out = append(out, x...)
		out = append(out, token{tOp, ">="})
		out = append(out, lo...)
		out = append(out, token{tWord, "and"})
		out = append(out, x...)
		out = append(out, token{tOp, "<="})
		out = append(out, hi...)
		out = append(out, token{tPunct, ")"})
		out = append(out, toks[hiEnd:]...)
		toks = out
	}
	return toks
}
