#!/usr/bin/env bash
# Time and memory of the cross-shop health list on the large generated data set (10,000 shops, ~1,000,000 orders)
# in PostgreSQL. Needs the app built for PostgreSQL and the data loaded once (BENCHMARKS.md has the commands).
#   BENCH_DB=bench HEAP=512m bench/health-list-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
DB=${BENCH_DB:-bench}
HEAP=${HEAP:-512m}
PORT=${PORT:-8083}
log=$(mktemp)
DB_KIND=postgresql DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB java -Xmx$HEAP -Dquarkus.http.port=$PORT \
  -Dshophealth.sample-data.load=false -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select count(*) || ' shops, ' from shop" -c "select count(*) || ' orders' from shop_order" | paste -sd' '
t() { curl -s -u "$ANALYST" -o /dev/null -w "%{time_total}" "localhost:$PORT$1"; }
for url in "/api/shops/health?size=20" "/api/shops/health?level=CRITICAL&size=20" "/api/shops/S100001/health"; do
  times=()
  for _ in 1 2 3 4 5; do times+=("$(t "$url")"); done
  echo "GET $url  seconds: ${times[*]}"
done
jcmd $app GC.run > /dev/null
echo "heap after the runs and a full GC: $(jcmd $app GC.heap_info | grep -Eo 'used [0-9]+K' | head -1) (limit -Xmx$HEAP)"
echo "resident set size: $(ps -o rss= -p $app) KiB"
grep -E "OutOfMemory" "$log" || echo "no OutOfMemoryError"
