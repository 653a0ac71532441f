#!/usr/bin/env bash
# HTTP benchmark of POST /api/cancellations against a trivial endpoint of the same app (GET /q/health/live),
# on the packaged app with its embedded H2 and real logging, load from wrk on loopback.
#   ./mvnw package -DskipTests && bench/http-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
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
placed=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)
post() { curl -sf -u "$ADMIN" -H "Content-Type: text/csv" --data-binary @"$2" "localhost:8080/api/import/$1" > /dev/null; }
printf 'id,name,category\nHB,Bench shop,Bench\n' > "$work/s.csv" && post shops "$work/s.csv"
printf 'sku,shopId,name,listedStock\nHB-A,HB,Bench item,1000\n' > "$work/p.csv" && post products "$work/p.csv"
# orders in chunks; wrk thread t takes HB-(t*1000000+1) …
for t in 0 1; do
  for chunk in $(seq 0 $(( ORDERS_PER_THREAD / 20000 - 1 ))); do
    { echo "orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,placedAt,status,shippedAt,deliveredAt,listedStockAtOrder"
      for i in $(seq $(( t * 1000000 + chunk * 20000 + 1 )) $(( t * 1000000 + chunk * 20000 + 20000 ))); do
        echo "HB-$i,HB,HB-A,Bench item,1,10.00,B-$i,上海 Shanghai,$placed,AWAITING_SHIPMENT,,,1000"
      done; } > "$work/o.csv"
    post orders "$work/o.csv"
  done
done
echo "== GET /q/health/live (trivial endpoint), $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency http://localhost:8080/q/health/live
echo "== POST /api/cancellations (full screening), $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-cancellation.lua http://localhost:8080
