#!/usr/bin/env bash
# The quickstart, end to end on SQLite, in a brand-new module outside the
# repository: init, autogenerate, upgrade, check, change the models,
# autogenerate again, upgrade, downgrade. Run from anywhere:
#   bash examples/quickstart/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
expect() { # expect CODE CMD...: run CMD, fail unless it exits CODE
  local want=$1; shift
  step "$*"
  set +e; "$@"; local got=$?; set -e
  if [ "$got" != "$want" ]; then echo "expected exit $want, got $got" >&2; exit 1; fi
}

(cd "$repo" && go build -o "$work/bin/retort" ./cmd/retort)
export PATH="$work/bin:$PATH"
mkdir -p "$work/app" && cd "$work/app"
go mod init example.com/quickstart >/dev/null 2>&1
mkdir models && cp "$here/step1/models/models.go" models/

expect 0 retort init --dialect sqlite --models ./models
export RETORT_DATABASE_URL=sqlite://app.db
expect 0 retort revision --autogenerate -m "initial"
expect 0 retort upgrade head
expect 0 retort check

step "cp step2/models/models.go models/   # add a column and a table, change a type, drop an index, make a column NOT NULL"
cp "$here/step2/models/models.go" models/
step "add models.Note{} to Models in migrations/env.go"
sed -i 's/^\t\tmodels.User{},$/&\n\t\tmodels.Note{},/' migrations/env.go
expect 1 retort check
expect 0 retort revision --autogenerate -m "second"
step "cat migrations/*_second.go"
cat migrations/*_second.go
expect 0 retort upgrade head
expect 0 retort check
expect 0 retort downgrade -1
expect 0 retort current
expect 0 retort history
echo
echo "quickstart: every step behaved as expected"
