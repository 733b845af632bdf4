package render

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// ReviewMarker is how a generated file writes a Reviewed field the reviewer
// has yet to accept: the field, commented out. Uncommenting it is the
// review's one visible edit; `grep -rn '// Reviewed:' migrations/` lists
// the revisions still waiting for review.
const ReviewMarker = "// Reviewed: "

// opComments returns one comment statement per line, each written on its
// own line directly above the op.
func opComments(lines []string) []jen.Code {
	out := make([]jen.Code, 0, len(lines))
	for _, l := range lines {
		out = append(out, jen.Comment(commentLine(l)))
	}
	return out
}

// commentLine keeps a comment on one line.
func commentLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// reviewComment returns the comment lines written above the Upgrade field
// for the kinds in NeedsReview that Reviewed lacks, ending in the
// commented-out Reviewed field; an empty statement when there are none.
func reviewComment(rev Revision) *jen.Statement {
	var pending []string
	for _, k := range rev.NeedsReview {
		if !contains(rev.Reviewed, k) && !contains(pending, k) {
			pending = append(pending, k)
		}
	}
	if len(pending) == 0 {
		return jen.Null()
	}
	all := append(append([]string(nil), rev.Reviewed...), pending...)
	quoted := make([]string, len(all))
	for i, k := range all {
		quoted[i] = strconv.Quote(k)
	}
	words := strings.ReplaceAll(strings.Join(pending, ", "), "-", " ")
	subject, command := "this upgrade has", "`retort upgrade` refuses"
	switch rev.ReviewScope {
	case ReviewDowngrade:
		subject, command = "this downgrade has", "`retort downgrade` refuses"
	case ReviewBoth:
		subject, command = "this upgrade and this downgrade have", "`retort upgrade` and `retort downgrade` refuse"
	}
	return jen.Comment("retort: " + subject + " " + words + " findings (the \"retort:\" comments below);").Line().
		Comment(command + " it until a reviewer has read them and uncommented this line:").Line().
		Comment(strings.TrimPrefix(ReviewMarker, "// ") + "[]string{" + strings.Join(quoted, ", ") + "},").Line()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
