#!/usr/bin/env bash
# Issue 13's reference ratio, side by side in one run on the same PostgreSQL: pgbench TPC-B (5 statements per
# transaction, synchronous_commit on) against POST /api/cancellations (a full screening: SQL facts, rules, request,
# decision log and refund in one transaction) on the packaged app built for PostgreSQL, then GET of a sample shop's
# health on the same app. Prints each and the ratio. It builds nothing: build the PostgreSQL jar first.
#   ./mvnw package -DskipTests -DDB_KIND=postgresql && bench/screening-vs-pgbench.sh
# Needs PostgreSQL on 127.0.0.1:5432 (trust). Environment: APP (target/quarkus-app/quarkus-run.jar, e.g. another
# checkout's jar to compare), DURATION (20s), CONNECTIONS (16), ORDERS_PER_THREAD (60000), SCALE (10, pgbench).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
. bench/bench-shop.sh
export SHOPHEALTH_SAMPLE_DATA_LOAD=true
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
PG="psql -h 127.0.0.1 -U postgres -qtA"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
ORDERS_PER_THREAD=${ORDERS_PER_THREAD:-60000}
SCALE=${SCALE:-10}
seconds=${DURATION%s}
APP=$(realpath "${APP:-target/quarkus-app/quarkus-run.jar}")
[ -f "$APP" ] || { echo "no $APP: ./mvnw package -DskipTests -DDB_KIND=postgresql first" >&2; exit 1; }
$PG -c "drop database if exists bench_app" -c "create database bench_app" postgres
$PG -c "drop database if exists bench_pgbench" -c "create database bench_pgbench" postgres
echo "== synchronous_commit: $($PG -c 'show synchronous_commit' postgres)"

echo "== pgbench TPC-B, scale $SCALE, $CONNECTIONS clients, 2 threads, $DURATION"
pgbench -h 127.0.0.1 -U postgres -q -i -s "$SCALE" bench_pgbench > /dev/null 2>&1
pg_out=$(pgbench -h 127.0.0.1 -U postgres -c "$CONNECTIONS" -j 2 -T "$seconds" bench_pgbench 2>&1)
echo "$pg_out" | grep -E "tps|latency average"
pg_tps=$(echo "$pg_out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)

work=$(mktemp -d)
ln -s "$PWD/rules" "$work/rules" && ln -s "$PWD/data" "$work/data"
(cd "$work" && DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_app?reWriteBatchedInserts=true" DB_USER=postgres \
  exec java -jar "$APP" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf localhost:8080/q/health/ready > /dev/null && break; sleep 0.5; done
curl -sf localhost:8080/q/health/ready > /dev/null || { tail -40 "$work/app.log"; exit 1; }
bench_shop "$work" "$ORDERS_PER_THREAD"
# warm up (JIT, pools, the rule sessions) on the first orders, then measure on the last two thirds of them
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/post-cancellation.lua http://localhost:8080 > /dev/null
echo "== POST /api/cancellations (full screening) on PostgreSQL, $CONNECTIONS connections, $DURATION"
app_out=$(OFFSET=$(( ORDERS_PER_THREAD / 3 )) wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-cancellation.lua http://localhost:8080)
echo "$app_out" | grep -E "Requests/sec|50%|99%|non-2xx"
app_rps=$(echo "$app_out" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p')
if ! echo "$app_out" | grep -q "non-2xx or errors: 0$"; then
  echo "some screenings failed (too few orders for the duration? raise ORDERS_PER_THREAD): no ratio" >&2; exit 1
fi
echo "== ratio: screenings / pgbench TPC-B = $app_rps / $pg_tps = $(awk -v a="$app_rps" -v b="$pg_tps" 'BEGIN { printf "%.1f %%", 100 * a / b }')"

echo "== GET /api/shops/S1002/health (sample data), $CONNECTIONS connections, $DURATION"
printf 'wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")\n' > "$work/health.lua"
wrk -t2 -c"$CONNECTIONS" -d5s -s "$work/health.lua" http://localhost:8080/api/shops/S1002/health > /dev/null
health_out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/health.lua" http://localhost:8080/api/shops/S1002/health)
echo "$health_out" | grep -E "Requests/sec|50%|99%|Non-2xx"
