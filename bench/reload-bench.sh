#!/usr/bin/env bash
# Time of POST /api/rulesets/reload in the packaged app: compile every DRL, check parameters and messages, run
# every scenario, store the version and the activation. Each round changes one parameter so a real reload happens.
#   ./mvnw package -DskipTests && bench/reload-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
work=$(mktemp -d)
cp -r rules "$work/rules" && ln -s "$PWD/data" "$work/data"
(cd "$work" && exec java -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 1 240); do curl -sf localhost:8080/q/health/ready > /dev/null && break; sleep 0.5; done
for v in 0.026 0.027 0.028 0.029 0.030 0.031; do
  sed -i "s/^cancelRateWarning: [0-9.]*/cancelRateWarning: $v/" "$work/rules/parameters.yaml"
  curl -s -o /dev/null -w "reload (cancelRateWarning=$v): HTTP %{http_code} in %{time_total} s\n" -u "$ANALYST" -X POST localhost:8080/api/rulesets/reload
done
