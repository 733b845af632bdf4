package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/converge"
)

// atlasDialect is one directory of Atlas's integration testdata.
type atlasDialect struct {
	// dir is the directory under internal/integration/testdata.
	dir string
	// dialect the pairs run on.
	dialect converge.Dialect
	// version is the Atlas test-environment name closest to the server
	// here: an "only" line must match it, and a file of that name's
	// directory (version/1.sql) is preferred to the plain one.
	version string
	// showIsSQL says cmpshow's expected files are SQL (SHOW CREATE TABLE,
	// sqlite_schema's text); PostgreSQL's are psql's \d tables.
	showIsSQL bool
}

// atlasDialects are the three directories the runner reads.
var atlasDialects = []atlasDialect{
	{dir: "mysql", dialect: converge.MySQL, version: "maria107", showIsSQL: true},
	{dir: "postgres", dialect: converge.Postgres, version: "postgres15"},
	{dir: "sqlite", dialect: converge.SQLite, version: "sqlite", showIsSQL: true},
}

var (
	toFile   = regexp.MustCompile(`--to\s+file://(\S+\.sql)\b`)
	sections = regexp.MustCompile(`(?m)^-- (\S+) --$`)
)

// extractAtlas reads pairs from Atlas's txtar scripts: the successive
// states a script checks with cmpshow (SQL the server printed), and the
// successive SQL schema files it gives `--to file://`. Each two
// consecutive distinct states are one pair.
func extractAtlas(root string) ([]pair, error) {
	base := filepath.Join(root, "internal", "integration", "testdata")
	var out []pair
	for _, ad := range atlasDialects {
		files, err := filepath.Glob(filepath.Join(base, ad.dir, "*.txtar"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("corpora: atlas: no %s/*.txtar under %s (is it the checkout's root?)", ad.dir, base)
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			out = append(out, atlasPairs(ad, strings.TrimSuffix(filepath.Base(f), ".txtar"), string(data))...)
		}
	}
	return out, nil
}

// atlasPairs reads one txtar script.
func atlasPairs(ad atlasDialect, name, data string) []pair {
	script, files := splitTxtar(data)
	skip := ""
	for _, l := range strings.Split(script, "\n") {
		f := strings.Fields(l)
		if len(f) > 1 && f[0] == "only" && !matchesAny(f[1:], ad.version) {
			skip = "the script runs only on " + strings.Join(f[1:], " ")
		}
	}
	var showSeq, toSeq []string
	for _, l := range strings.Split(script, "\n") {
		f := strings.Fields(l)
		if len(f) >= 3 && f[0] == "cmpshow" && ad.showIsSQL {
			file := f[len(f)-1]
			if v, ok := files[ad.version+"/"+file]; ok {
				showSeq = append(showSeq, showScript(v))
			} else if v, ok := files[file]; ok {
				showSeq = append(showSeq, showScript(v))
			}
		}
		if m := toFile.FindStringSubmatch(l); m != nil {
			if v, ok := files[m[1]]; ok {
				toSeq = append(toSeq, v)
			}
		}
	}
	var out []pair
	for _, seq := range []struct {
		kind   string
		states []string
	}{{"show", showSeq}, {"schema", toSeq}} {
		var distinct []string
		for _, s := range seq.states {
			if len(distinct) == 0 || distinct[len(distinct)-1] != s {
				distinct = append(distinct, s)
			}
		}
		for i := 1; i < len(distinct); i++ {
			p := pair{
				corpus: "atlas", dialect: ad.dialect,
				id:    fmt.Sprintf("atlas/%s/%s/%s%d", ad.dir, name, seq.kind, i),
				where: ad.dir + "/" + name + ".txtar",
				from:  distinct[i-1], to: distinct[i], skip: skip,
			}
			if p.skip == "" && (strings.Contains(p.from, "$") || strings.Contains(p.to, "$")) {
				p.skip = "a state uses the script's variables"
			}
			out = append(out, p)
		}
	}
	return out
}

// splitTxtar returns a txtar's script and its files by name.
func splitTxtar(data string) (string, map[string]string) {
	files := map[string]string{}
	locs := sections.FindAllStringSubmatchIndex(data, -1)
	if len(locs) == 0 {
		return data, files
	}
	script := data[:locs[0][0]]
	for i, loc := range locs {
		end := len(data)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		files[data[loc[2]:loc[3]]] = data[loc[1]:end]
	}
	return script, files
}

// showScript turns cmpshow's expected text (statements one after another,
// without semicolons) into a script: a statement starts at a line that
// starts with CREATE.
func showScript(s string) string {
	var b strings.Builder
	var cur []string
	flush := func() {
		if st := strings.TrimSpace(strings.Join(cur, "\n")); st != "" {
			b.WriteString(strings.TrimSuffix(st, ";") + ";\n")
		}
		cur = nil
	}
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(l)), "CREATE ") {
			flush()
		}
		cur = append(cur, l)
	}
	flush()
	return b.String()
}

func matchesAny(patterns []string, version string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, version); ok {
			return true
		}
	}
	return false
}
