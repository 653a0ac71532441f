#!/usr/bin/env bash
# Import speed through the API: CSV files of 20,000 orders posted to POST /api/import/orders, then (JOB_ROWS, a
# million by default; 0 skips it) one file of that many orders, imported as a job and polled to its end; KIND=inspections
# does the same with quality inspections (a feedback kind: one product, no orders needed); on the
# packaged app, on PostgreSQL (a fresh database BENCH_DB, "bench_import" by default, on 127.0.0.1; the database kind
# is fixed when the app is built) or on the embedded H2. It builds nothing:
#   ./mvnw package -DskipTests -DDB_KIND=postgresql && bench/import-bench.sh     # FILES=6 (120,000 orders)
#   ./mvnw package -DskipTests && DB=h2 JOB_ROWS=0 bench/import-bench.sh
# APP_JAR runs another build's quarkus-run.jar; JAVA_OPTS are passed to it (a JFR recording, say); PORT (8083).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
FILES=${FILES:-6}
JOB_ROWS=${JOB_ROWS:-1000000}
PORT=${PORT:-8083}
DB=${DB:-postgresql}
KIND=${KIND:-orders}
BENCH_DB=${BENCH_DB:-bench_import}
work=$(mktemp -d)
ln -s "$PWD/rules" "$work/rules"
opts=(-Dquarkus.http.port="$PORT" -Dshophealth.sample-data.load=false -Dshophealth.db-dir="$work/db")
if [ "$DB" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
  export DB_KIND=postgresql DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?reWriteBatchedInserts=true"
fi
(cd "$work" && exec java ${JAVA_OPTS:-} "${opts[@]}" -jar "${APP_JAR:-$OLDPWD/target/quarkus-app/quarkus-run.jar}" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"; echo "work: $work"' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
post() { curl -sf -u "$ADMIN" -H "Content-Type: text/csv" --data-binary @"$2" "localhost:$PORT/api/import/$1"; }
printf 'id,name,category\nIB,Import bench shop,Bench\n' > "$work/s.csv" && post shops "$work/s.csv" > /dev/null
printf 'sku,shopId,name,listedStock\nIB-A,IB,Bench item,1000\n' > "$work/p.csv" && post products "$work/p.csv" > /dev/null
placed=$(date -u -d '3 days ago' +%Y-%m-%dT%H:%M:%SZ)
# orders numbered from $1 to $2
orders() {
  awk -v from="$1" -v to="$2" -v placed="$placed" 'BEGIN {
    print "orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,placedAt,status,shippedAt,deliveredAt,listedStockAtOrder"
    for (i = from; i <= to; i++) printf "IB-%d,IB,IB-A,Bench item,1,10.00,B-%d,上海 Shanghai,%s,AWAITING_SHIPMENT,,,1000\n", i, i, placed }'
}
# inspections numbered from $1 to $2, one in ten failed
inspections() {
  awk -v from="$1" -v to="$2" -v at="$placed" 'BEGIN {
    print "inspectionId,sku,batch,result,defect,inspectedAt"
    for (i = from; i <= to; i++) if (i % 10 == 0) printf "IB-I%d,IB-A,B-%d,FAIL,划痕 scratch,%s\n", i, i, at
      else printf "IB-I%d,IB-A,B-%d,PASS,,%s\n", i, i, at }'
}
case "$KIND" in orders|inspections) ;; *) echo "KIND is orders or inspections" >&2; exit 2 ;; esac
for f in $(seq 1 "$FILES"); do "$KIND" $(( (f - 1) * 20000 + 1 )) $(( f * 20000 )) > "$work/o$f.csv"; done
echo "database: $DB; $FILES files of 20,000 $KIND; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$FILES" -gt 0 ]; then
start=$(date +%s.%N)
for f in $(seq 1 "$FILES"); do
  t0=$(date +%s.%N); post "$KIND" "$work/o$f.csv" > /dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v f="$f" 'BEGIN { printf "file %d: %.2f s (%.0f rows/s)\n", f, b - a, 20000 / (b - a) }'
done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v n="$FILES" 'BEGIN { printf "all: %d rows in %.2f s = %.0f rows/s\n", n * 20000, b - a, n * 20000 / (b - a) }'
t0=$(date +%s.%N); post "$KIND" "$work/o1.csv" > /dev/null; t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "the first file again (20,000 unchanged rows): %.2f s\n", b - a }'
fi
# CPU seconds (user + system) the app and the database's server processes have used so far
ticks() { awk '{ t += $14 + $15 } END { print t + 0 }' "/proc/$1/stat"; }
pg_cpu() {
  local t=0
  for p in $(psql -h 127.0.0.1 -U postgres -Atc "select pid from pg_stat_activity where datname = '$BENCH_DB'" 2>/dev/null); do
    [ -r "/proc/$p/stat" ] && t=$(( t + $(ticks "$p") ))
  done
  echo "$t"
}
if [ "$JOB_ROWS" -gt 0 ]; then
  first=$(( FILES * 20000 + 1 ))
  "$KIND" "$first" $(( first + JOB_ROWS - 1 )) > "$work/big.csv"
  echo "one file of $JOB_ROWS new $KIND ($(du -m "$work/big.csv" | cut -f1) MB) as a job; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  jvm0=$(ticks "$app"); pg0=$(pg_cpu)
  t0=$(date +%s.%N)
  job=$(curl -sf -u "$ADMIN" -H "Content-Type: text/csv" --data-binary @"$work/big.csv" -D "$work/headers" \
    "localhost:$PORT/api/import/$KIND" -o /dev/null && grep -i '^location:' "$work/headers" | tr -d '\r' | cut -d' ' -f2)
  t1=$(date +%s.%N)
  case "$job" in http*) ;; *) job="localhost:$PORT$job" ;; esac
  state=QUEUED
  while [ "$state" = QUEUED ] || [ "$state" = RUNNING ]; do
    sleep 1
    view=$(curl -sf -u "$ADMIN" "$job")
    state=$(echo "$view" | sed -E 's/.*"state":"([A-Z]+)".*/\1/')
    echo "  $(echo "$view" | sed -E 's/.*("state":"[A-Z]+","percentDone":[0-9.]+,"rowsDone":[0-9]+,"rowsPerSecond":[0-9a-z]+,"etaSeconds":[0-9a-z]+).*/\1/')"
  done
  t2=$(date +%s.%N)
  jvm1=$(ticks "$app"); pg1=$(pg_cpu); hz=$(getconf CLK_TCK)
  echo "$view" | grep -o '"report":{[^}]*}' || echo "$view"
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$JOB_ROWS" 'BEGIN { printf "upload and row count: %.2f s; POST to SUCCEEDED: %.2f s = %.0f rows/s\n", b - a, c - a, n / (c - a) }'
  # the CPU the import used, whatever else ran on the machine: the rate it would reach with a core of its own for
  # the app and one for the database is about rows / max(app, database); one core for both, rows / (app + database)
  awk -v j=$(( jvm1 - jvm0 )) -v p=$(( pg1 - pg0 )) -v hz="$hz" -v n="$JOB_ROWS" 'BEGIN {
    printf "CPU used: app %.1f s, PostgreSQL backends %.1f s (%.0f rows per CPU second of both)\n", j / hz, p / hz, n / ((j + p) / hz) }'
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
