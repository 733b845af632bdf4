package suggest

import "strings"

// Distance is the Levenshtein distance between a and b, counted in bytes
// (names and keywords are ASCII).
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Closest returns the candidate closest to word when it is close enough to
// be a likely typo: within a third of word's length (at least 2) and
// shorter than word, a prefix either way counting as distance 2 at most.
// Candidates are tried in order, so ties go to the first.
func Closest(word string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		d := Distance(word, c)
		if strings.HasPrefix(c, word) || strings.HasPrefix(word, c) {
			d = min(d, 2)
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, len(word)/3)
	if bestD < 0 || bestD > limit || bestD >= len(word) {
		return "", false
	}
	return best, true
}

// Nearest returns the first candidate fewer than maxDist edits from word
// with the smallest distance, or false when none is.
func Nearest(word string, candidates []string, maxDist int) (string, bool) {
	best, bestD := "", maxDist
	for _, c := range candidates {
		if d := Distance(word, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best, best != ""
}
