#!/usr/bin/env bash
# How long a change of the rules takes to go live in the packaged app, on the governed path the packaged app enforces
# (four eyes; single-person mode refuses to start there). Each round edits one parameter in a copy of rules/, then:
#   store   POST /api/rulesets/from-folder  compile every DRL, every check, every scenario (in the check process), store
#   (not timed: a backtest, and the second analyst's approval)
#   activate POST /api/rulesets/{rev}/activate  build the checked version in the service, record it, swap
# "reload" is store + activate: what POST /api/rulesets/reload does in one call in single-person mode.
#   ./mvnw package -DskipTests && bench/reload-bench.sh          (APP=path/to/quarkus-run.jar to time another build)
#   JAVA_OPTS=-Dquarkus.log.category.\"dev.shophealth.ruleset.engine.IsolatedCheck\".level=DEBUG APP_LOG=/tmp/app.log: the
#   app's log says how long each check took in its child process and how long the service then built it
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
APP=${APP:-$PWD/target/quarkus-app/quarkus-run.jar}
ROUNDS=${ROUNDS:-6}
PAUSE=${PAUSE:-0}   # seconds between rounds, as between two analysts' changes (a child started ahead warms meanwhile)
CHANGE=${CHANGE:-parameters}   # parameters: one parameter per round; drl: a DRL file changes too (compiled anew)
work=$(mktemp -d)
cp -r rules "$work/rules" && ln -s "$PWD/data" "$work/data"
(cd "$work" && exec java ${JAVA_OPTS:-} -jar "$APP" > "${APP_LOG:-$work/app.log}" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf localhost:8080/q/health/ready > /dev/null && break; sleep 0.5; done
api=http://localhost:8080/api
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
printf '%-8s %8s %9s %8s\n' round store activate reload
for round in $(seq 1 "$ROUNDS"); do
  v=$(printf '0.0%02d' $((25 + round)))
  sed -i "s/^cancelRateWarning: [0-9.]*/cancelRateWarning: $v/" "$work/rules/parameters.yaml"
  if [ "$CHANGE" = drl ]; then echo "// bench round $round" >> "$work/rules/rating/history-gate.drl"; fi
  t0=$(date +%s.%N)
  stored=$(curl -sf -u "$ANALYST" -X POST "$api/rulesets/from-folder?comment=bench%20$v")
  t1=$(date +%s.%N)
  rev=$(echo "$stored" | field "['revision']")
  job=$(curl -sf -u "$ANALYST" -X POST -H 'Content-Type: application/json' -d '{"from":"2026-11-01","to":"2026-11-26"}' \
        "$api/rulesets/$rev/backtest" | field "['id']")
  for _ in $(seq 1 600); do
    state=$(curl -sf -u "$ANALYST" "$api/backtests/$job" | field "['state']")
    [ "$state" = DONE ] && break; sleep 0.2
  done
  curl -sf -o /dev/null -u "$ANALYST2" -X POST -H 'Content-Type: application/json' \
       -d '{"comment":"bench: approved to time the activation"}' "$api/rulesets/$rev/approvals"
  t2=$(date +%s.%N)
  curl -sf -o /dev/null -u "$ANALYST" -X POST "$api/rulesets/$rev/activate?comment=bench"
  t3=$(date +%s.%N)
  python3 -c "s=$t1-$t0; a=$t3-$t2; print('%-8s %7.2fs %8.2fs %7.2fs' % ('$round', s, a, s + a))"
  sleep "$PAUSE"
done
