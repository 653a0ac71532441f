#!/usr/bin/env bash
# Import speed through the API: CSV files of 20,000 orders posted to POST /api/import/orders, on the packaged app,
# on PostgreSQL (a fresh database, BENCH_DB or "bench_import", on 127.0.0.1; the database kind is fixed when the app
# is built) or
# on the embedded H2:
#   ./mvnw package -DskipTests -DDB_KIND=postgresql && bench/import-bench.sh     # FILES=6 (120,000 orders)
#   ./mvnw package -DskipTests && DB=h2 bench/import-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
FILES=${FILES:-6}
PORT=${PORT:-8083}
DB=${DB:-postgresql}
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
post() { curl -sf -u "$ADMIN" -H "Content-Type: text/csv" --data-binary @"$2" "localhost:$PORT/api/import/$1" > /dev/null; }
printf 'id,name,category\nIB,Import bench shop,Bench\n' > "$work/s.csv" && post shops "$work/s.csv"
printf 'sku,shopId,name,listedStock\nIB-A,IB,Bench item,1000\n' > "$work/p.csv" && post products "$work/p.csv"
placed=$(date -u -d '3 days ago' +%Y-%m-%dT%H:%M:%SZ)
for f in $(seq 1 "$FILES"); do
  { echo "orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,placedAt,status,shippedAt,deliveredAt,listedStockAtOrder"
    for i in $(seq $(( (f - 1) * 20000 + 1 )) $(( f * 20000 ))); do
      echo "IB-$i,IB,IB-A,Bench item,1,10.00,B-$i,上海 Shanghai,$placed,AWAITING_SHIPMENT,,,1000"
    done; } > "$work/o$f.csv"
done
echo "database: $DB; $FILES files of 20,000 orders"
start=$(date +%s.%N)
for f in $(seq 1 "$FILES"); do
  t0=$(date +%s.%N); post orders "$work/o$f.csv"; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v f="$f" 'BEGIN { printf "file %d: %.2f s (%.0f rows/s)\n", f, b - a, 20000 / (b - a) }'
done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v n="$FILES" 'BEGIN { printf "all: %d rows in %.2f s = %.0f rows/s\n", n * 20000, b - a, n * 20000 / (b - a) }'
t0=$(date +%s.%N); post orders "$work/o1.csv"; t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "the first file again (20,000 unchanged rows): %.2f s\n", b - a }'
