#!/usr/bin/env bash
# Issue 13's ratios, side by side in one run: pgbench TPC-B on the local PostgreSQL (5 statements per transaction,
# synchronous_commit on) is the reference; then the packaged app on PostgreSQL and the packaged app on the embedded
# default (an H2 file) each take POST /api/cancellations (a full screening of another order per request: SQL facts,
# rules, the request, its decision-log row and refund in one transaction) and GET /api/shops/S1002/health (the
# sample data). It prints each result and, at the end, screenings / pgbench and the health reads' req/s and p99 for
# both databases. On PostgreSQL it then runs a screening's statements without the service (bench/screening-sql.pgbench)
# on the data the app left: the ceiling of any service issuing them. It builds nothing. The database kind is fixed when the jar is built, so it takes two jars:
#   ./mvnw -o package -DskipTests -DDB_KIND=postgresql && rm -rf target/pg-app && cp -r target/quarkus-app target/pg-app
#   ./mvnw -o package -DskipTests                     # the embedded default, in target/quarkus-app
#   bench/service-vs-pgbench.sh
# Environment (defaults in brackets):
#   APP_PG [target/pg-app/quarkus-run.jar]       the PostgreSQL jar (e.g. another checkout's, to compare)
#   APP_H2 [target/quarkus-app/quarkus-run.jar]  the H2 jar
#   KINDS ["postgresql h2"]                      which of the two to run
#   PORT [18080]                                 the app's HTTP port (not 8080: another app may be running there)
#   BENCH_DB_APP [bench_app], BENCH_DB_PGBENCH [bench_pgbench]   PostgreSQL databases, dropped and created anew
#   DURATION [20s], CONNECTIONS [16], ORDERS_PER_THREAD [60000], SCALE [10] (pgbench), SHOP [S1002],
#   STARTUP_SECONDS [300] (how long an app may take to be ready: minutes on a loaded machine)
# Needs PostgreSQL on 127.0.0.1:5432 (trust, user postgres), pgbench and wrk. A machine that other work shares
# slows pgbench and the app alike: compare the ratios, and say what else ran (the load average is printed).
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
PORT=${PORT:-18080}
KINDS=${KINDS:-postgresql h2}
SHOP=${SHOP:-S1002}
DB_APP=${BENCH_DB_APP:-bench_app}
DB_PGBENCH=${BENCH_DB_PGBENCH:-bench_pgbench}
export BENCH_URL=http://localhost:$PORT
seconds=${DURATION%s}
declare -A JAR=([postgresql]="${APP_PG:-target/pg-app/quarkus-run.jar}" [h2]="${APP_H2:-target/quarkus-app/quarkus-run.jar}")
for kind in $KINDS; do
  [ -f "${JAR[$kind]}" ] || { echo "no ${JAR[$kind]} for $kind: build it first (see this script's header)" >&2; exit 1; }
  JAR[$kind]=$(realpath "${JAR[$kind]}")
done
if curl -s -o /dev/null "$BENCH_URL"; then echo "something already answers on port $PORT: set PORT" >&2; exit 1; fi

work=$(mktemp -d)
app=
stop_app() { if [ -n "$app" ]; then kill "$app" 2> /dev/null || true; wait "$app" 2> /dev/null || true; app=; fi; }
trap 'stop_app; rm -rf "$work"' EXIT
ln -s "$PWD/rules" "$work/rules" && ln -s "$PWD/data" "$work/data"
echo "== load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "== synchronous_commit: $($PG -c 'show synchronous_commit' postgres)"

echo "== pgbench TPC-B, scale $SCALE, $CONNECTIONS clients, 2 threads, $DURATION"
$PG -c "drop database if exists $DB_PGBENCH" -c "create database $DB_PGBENCH" postgres
pgbench -h 127.0.0.1 -U postgres -q -i -s "$SCALE" "$DB_PGBENCH" > /dev/null 2>&1
pg_out=$(pgbench -h 127.0.0.1 -U postgres -c "$CONNECTIONS" -j 2 -T "$seconds" "$DB_PGBENCH" 2>&1)
echo "$pg_out" | grep -E "tps|latency average"
pg_tps=$(echo "$pg_out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
$PG -c "drop database $DB_PGBENCH" postgres

# start_app KIND: the jar of that kind on $PORT with a new, empty database (the sample data loads at start)
start_app() {
  local kind=$1
  if [ "$kind" = postgresql ]; then
    $PG -c "drop database if exists $DB_APP" -c "create database $DB_APP" postgres
    export DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB_APP?reWriteBatchedInserts=true" DB_USER=postgres
  else
    unset DB_URL DB_USER
    rm -rf "$work/h2" && export SHOPHEALTH_DB_DIR="$work/h2"
  fi
  (cd "$work" && QUARKUS_HTTP_PORT=$PORT exec java ${JAVA_OPTS:-} -jar "${JAR[$kind]}" > "$work/app-$kind.log" 2>&1) &
  app=$!
  for _ in $(seq 1 $(( ${STARTUP_SECONDS:-300} * 2 ))); do
    curl -sf "$BENCH_URL/q/health/ready" > /dev/null && return 0; sleep 0.5
  done
  tail -40 "$work/app-$kind.log" >&2; exit 1
}

# rps OUTPUT / p OUTPUT PERCENTILE: the numbers of a wrk --latency run
rps() { echo "$1" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p'; }
p() { echo "$1" | awk -v q="$2%" '$1 == q { print $2 }'; }
declare -A RESULT
printf 'wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")\n' > "$work/health.lua"
for kind in $KINDS; do
  echo "== $kind: ${JAR[$kind]}"
  start_app "$kind"
  bench_shop "$work" "$ORDERS_PER_THREAD"
  # warm up (JIT, pools, the rule sessions) on the first orders, then measure on the last two thirds of them
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/post-cancellation.lua "$BENCH_URL" > /dev/null
  echo "== $kind: POST /api/cancellations (full screening), $CONNECTIONS connections, $DURATION"
  out=$(OFFSET=$(( ORDERS_PER_THREAD / 3 )) wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s bench/post-cancellation.lua "$BENCH_URL")
  echo "$out" | grep -E "Requests/sec|50%|99%|non-2xx"
  failed=$(echo "$out" | sed -nE 's/^non-2xx or errors: ([0-9]+)$/\1/p')
  if [ "${failed:-1}" != 0 ]; then
    # too few orders for the duration (raise ORDERS_PER_THREAD), or 503s: more waiting than shophealth.database.wait
    echo "$failed screenings failed; the app's last warnings:" >&2
    grep -E "WARN|ERROR" "$work/app-$kind.log" | tail -5 | cut -c1-300 >&2 || true
  fi
  RESULT[$kind.screen]=$(rps "$out"); RESULT[$kind.screen.p99]="p99 $(p "$out" 99), $failed failed"
  echo "== $kind: GET /api/shops/$SHOP/health, $CONNECTIONS connections, $DURATION (load average $(cut -d' ' -f1 /proc/loadavg))"
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$work/health.lua" "$BENCH_URL/api/shops/$SHOP/health" > /dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/health.lua" "$BENCH_URL/api/shops/$SHOP/health")
  echo "$out" | grep -E "Requests/sec|50%|99%|Non-2xx"
  failed=$(echo "$out" | sed -nE 's/^ *Non-2xx or 3xx responses: ([0-9]+)$/\1/p')
  RESULT[$kind.health]=$(rps "$out"); RESULT[$kind.health.p99]="p99 $(p "$out" 99), ${failed:-0} failed"
  stop_app
  if [ "$kind" = postgresql ]; then
    # the same statements without the service, on the data it left: the most any service issuing them could do here
    echo "== postgresql: a screening's SQL alone (bench/screening-sql.pgbench), $CONNECTIONS clients, $DURATION"
    sql_out=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$seconds" \
      -D orders="$ORDERS_PER_THREAD" -f bench/screening-sql.pgbench "$DB_APP" 2>&1)
    echo "$sql_out" | grep -E "tps|latency average|failed"
    RESULT[sql]=$(echo "$sql_out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
  fi
done

echo "== summary (pgbench TPC-B $pg_tps tps; load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
if [ -n "${RESULT[sql]:-}" ]; then
  awk -v s="${RESULT[sql]}" -v b="$pg_tps" -v a="${RESULT[postgresql.screen]}" 'BEGIN { printf "a screening'"'"'s SQL alone: %.0f tps = %.1f %% of pgbench; the service reaches %.1f %% of it\n", s, 100 * s / b, 100 * a / s }'
fi
printf '%-11s %-50s %s\n' database "screenings / pgbench" "health reads"
for kind in $KINDS; do
  printf '%-11s %-50s %s\n' "$kind" \
    "$(awk -v a="${RESULT[$kind.screen]}" -v b="$pg_tps" 'BEGIN { printf "%.0f / %.0f = %.1f %%", a, b, 100 * a / b }') (${RESULT[$kind.screen.p99]})" \
    "${RESULT[$kind.health]} req/s (${RESULT[$kind.health.p99]})"
done
