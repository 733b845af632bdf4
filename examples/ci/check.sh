#!/bin/sh
# check.sh runs retort's CI checks in a Go module that has a migrations
# package; README.md's GitHub Actions and GitLab CI snippets run the same
# commands. Exit 0: all good; 1: drift or a broken migration (the output
# says what); 2: an error.
#
#   RETORT               the retort binary (default: retort on PATH)
#   RETORT_DATABASE_URL  an empty CI database of the Env's dialect
#   RETORT_DEV_URL       PostgreSQL/MySQL only: a server on which
#                        `check --migrations` creates and drops a scratch
#                        database (SQLite needs none)
#   RETORT_REPORT        where to write the JSON report (default
#                        retort-check.json)
set -eu
retort=${RETORT:-retort}
report=${RETORT_REPORT:-retort-check.json}

# 1. The revision files: every downgrade undoes its upgrade, head matches
#    the models, base -> head -> base -> head works.
if [ -n "${RETORT_DEV_URL:-}" ]; then
	"$retort" check --migrations --dev-url "$RETORT_DEV_URL"
else
	"$retort" check --migrations
fi

# 2. The database: apply every revision, then fail on any drift from the
#    models (a model changed without `retort revision --autogenerate`).
"$retort" upgrade head --quiet
"$retort" check --format json >"$report" || true
"$retort" check
