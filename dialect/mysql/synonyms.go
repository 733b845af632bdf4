package mysql

// functionSynonyms maps functions MariaDB stores under another name (in
// CHECK_CONSTRAINTS, generated columns and defaults) to that name, so that
// the model's spelling and the stored one compare equal: CHECK
// (length(name) > 0) comes back as octet_length(`name`) > 0. MySQL keeps
// the spelling it is given; the names mean the same function there too.
var functionSynonyms = map[string]string{
	"length":           "octet_length",
	"lengthb":          "octet_length",
	"lower":            "lcase",
	"upper":            "ucase",
	"mid":              "substr",
	"substring":        "substr",
	"character_length": "char_length",
}

// canonicalFunctions spells each function call one way: the synonyms
// above, and position(a IN b) as locate(a, b).
func canonicalFunctions(toks []token) []token {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != tokWord || toks[i+1].kind != tokOpen || (i > 0 && toks[i-1].text == ".") {
			continue
		}
		if name, ok := functionSynonyms[toks[i].text]; ok {
			toks[i].text = name
			continue
		}
		if toks[i].text == "position" {
			toks = positionToLocate(toks, i)
		}
	}
	return toks
}

// positionToLocate rewrites position(a IN b) at toks[i] as locate(a, b),
// when the parentheses hold one IN at their top level.
func positionToLocate(toks []token, i int) []token {
	end := matchParen(toks, i+1)
	if end < 0 {
		return toks
	}
	in, depth := -1, 0
	for j := i + 2; j < end; j++ {
		switch {
		case toks[j].kind == tokOpen:
			depth++
		case toks[j].kind == tokClose:
			depth--
		case depth == 0 && toks[j].kind == tokWord && toks[j].text == "in":
			if in >= 0 {
				return toks
			}
			in = j
		}
	}
	if in < 0 {
		return toks
	}
	toks[i].text = "locate"
	toks[in] = token{",", tokComma}
	return toks
}
