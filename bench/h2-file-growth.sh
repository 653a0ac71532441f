#!/usr/bin/env bash
# Size of the embedded H2 file under sustained screenings, and the throughput, for one H2 URL suffix per run:
#   ./mvnw package -DskipTests && bench/h2-file-growth.sh                       # the configured default
#   H2_OPTIONS=";WRITE_DELAY=0;RETENTION_TIME=45000" bench/h2-file-growth.sh   # another setting
# Prints the file size every SAMPLE seconds while wrk posts cancellations (bench/post-cancellation.lua), then the
# size after a clean shutdown (H2 compacts on close).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
DURATION=${DURATION:-180}
SAMPLE=${SAMPLE:-30}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-8080}
work=$(mktemp -d)
ln -s "$PWD/rules" "$work/rules" && ln -s "$PWD/data" "$work/data"
url="jdbc:h2:file:$work/db/shophealth;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE${H2_OPTIONS:-}"
opts=(-Dquarkus.http.port="$PORT")
[ -n "${H2_OPTIONS:-}" ] && opts+=(-Dshophealth.jdbc.h2="$url") || opts+=(-Dshophealth.db-dir="$work/db")
(cd "$work" && exec java "${opts[@]}" -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
placed=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)
post() { curl -sf -u "$ADMIN" -H "Content-Type: text/csv" --data-binary @"$2" "localhost:$PORT/api/import/$1" > /dev/null; }
printf 'id,name,category\nHB,Bench shop,Bench\n' > "$work/s.csv" && post shops "$work/s.csv"
printf 'sku,shopId,name,listedStock\nHB-A,HB,Bench item,1000\n' > "$work/p.csv" && post products "$work/p.csv"
for t in 0 1; do
  { echo "orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,placedAt,status,shippedAt,deliveredAt,listedStockAtOrder"
    for i in $(seq $(( t * 1000000 + 1 )) $(( t * 1000000 + 20000 ))); do
      echo "HB-$i,HB,HB-A,Bench item,1,10.00,B-$i,上海 Shanghai,$placed,AWAITING_SHIPMENT,,,1000"
    done; } > "$work/o.csv"
  post orders "$work/o.csv"
done
size() { du -m "$work/db/shophealth.mv.db" | cut -f1; }
echo "H2 options: ${H2_OPTIONS:-(the configured default)}"
echo "after import: $(size) MiB"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/post-cancellation.lua "http://localhost:$PORT" > "$work/wrk.txt" &
w=$!
for s in $(seq "$SAMPLE" "$SAMPLE" "$DURATION"); do sleep "$SAMPLE"; echo "t=${s}s: $(size) MiB"; done
wait $w
grep -E "Requests/sec|non-2xx" "$work/wrk.txt"
kill $app; wait $app 2>/dev/null || true
echo "after a clean shutdown: $(size) MiB"
