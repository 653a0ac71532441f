#!/usr/bin/env bash
# HTTP benchmark of POST /api/cancellations against a trivial endpoint of the same app (GET /q/health/live),
# on the packaged app with its embedded H2 and real logging, load from wrk on loopback.
#   ./mvnw package -DskipTests && bench/http-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
. bench/bench-shop.sh
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-16}
ORDERS_PER_THREAD=${ORDERS_PER_THREAD:-60000}
work=$(mktemp -d)
ln -s "$PWD/rules" "$work/rules" && ln -s "$PWD/data" "$work/data"
(cd "$work" && exec java -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' EXIT
for _ in $(seq 1 240); do curl -sf localhost:8080/q/health/ready > /dev/null && break; sleep 0.5; done
bench_shop "$work" "$ORDERS_PER_THREAD"
echo "== GET /q/health/live (trivial endpoint), $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency http://localhost:8080/q/health/live
echo "== POST /api/cancellations (full screening), $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-cancellation.lua http://localhost:8080
