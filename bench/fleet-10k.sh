#!/usr/bin/env bash
# The generated 10,000-shop / 1M-order set on PostgreSQL (BENCH_DB, "bench_10k" by default, loaded once as
# BENCHMARKS.md says): the per-day counts kept incrementally equal a count from the raw records, before and after
# some screenings and reviewer decisions made through the API; then one shop's health (p50 of N sequential warm
# requests) and the whole ranked list (RUNS warm runs, then after writes to STALE shops). It builds nothing and loads
# nothing:
#   bench/fleet-10k.sh target/quarkus-app/quarkus-run.jar
# PORT (18090), SHOP (the shop timed; S100001 by default), N (200), RUNS (5), JAVA_OPTS (a JFR recording, say).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
JAR=${1:?usage: bench/fleet-10k.sh path/to/quarkus-run.jar}
JAR=$(realpath "$JAR")
DB=${BENCH_DB:-bench_10k}
PORT=${PORT:-18090}
SHOP=${SHOP:-S100001}
N=${N:-200}
RUNS=${RUNS:-5}
REVIEWER="reviewer:$SHOPHEALTH_USERS_REVIEWER_PASSWORD"
work=$(mktemp -d)
ln -s "$PWD/rules" "$work/rules"
(cd "$work" && DB_KIND=postgresql DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true" \
  DB_USER=postgres exec java ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dshophealth.sample-data.load=false \
  -Dshophealth.db-dir="$work/db" -jar "$JAR" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
q() { psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "$1"; }
echo "$(q 'select count(*) from shop') shops, $(q 'select count(*) from shop_order') orders; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
differences() { curl -sf -u "$ADMIN" "localhost:$PORT/api/admin/day-counts"; }
echo "day counts, as loaded: $(differences)"

# screenings: two orders awaiting shipment in each of the three shops with the most, one out of stock with evidence,
# one for another reason; then reviewer decisions on the two oldest pending requests, one approved, one rejected
orders=$(q "select order_no from (select order_no, row_number() over (partition by shop_id order by order_no) n
  from shop_order o where status = 'AWAITING_SHIPMENT' and shop_id in (select shop_id from shop_order
  where status = 'AWAITING_SHIPMENT' group by shop_id order by count(*) desc, shop_id limit 3)
  and not exists (select 1 from cancellation_request c where c.order_no = o.order_no)) x where n <= 2 order by order_no")
answer() { echo "HTTP $(tail -n1 "$work/answer") $(grep -o '"status":"[A-Z_]*"' "$work/answer" | head -1)"; }
i=0
for o in $orders; do
  if [ $(( i % 2 )) -eq 0 ]; then body="{\"orderNo\":\"$o\",\"reason\":\"OUT_OF_STOCK\",\"evidence\":{\"warehouseStock\":0}}"
  else body="{\"orderNo\":\"$o\",\"reason\":\"OTHER\",\"detail\":\"买家地址无法送达，已与买家沟通 The address cannot be served\"}"; fi
  curl -s -u "$ADMIN" -H "Content-Type: application/json" -H "Idempotency-Key: fleet-$o" -d "$body" -w '\n%{http_code}' \
    "localhost:$PORT/api/cancellations" > "$work/answer"
  echo "screened $o: $(answer)"
  i=$(( i + 1 ))
done
pending=$(curl -sf -u "$REVIEWER" "localhost:$PORT/api/cancellations?status=PENDING_REVIEW&size=2" \
  | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4)
verdict=APPROVE
for id in $pending; do
  curl -s -u "$REVIEWER" -H "Content-Type: application/json" -w '\n%{http_code}' \
    -d "{\"verdict\":\"$verdict\",\"note\":\"fleet-10k check: decided against the suggestion when needed\"}" \
    "localhost:$PORT/api/cancellations/$id/review" > "$work/answer"
  echo "reviewed $id ($verdict): $(answer)"
  verdict=REJECT
done
echo "day counts, after the screenings and reviews: $(differences)"

t() { curl -s -u "$ANALYST" -o /dev/null -w "%{time_total}\n" "localhost:$PORT$1"; }
p() { sort -n | awk '{ a[NR] = $1 } END { printf "p50 %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms (n %d)", \
  a[int(NR * 0.5 + 0.5)] * 1000, a[int(NR * 0.9 + 0.5)] * 1000, a[1] * 1000, a[NR] * 1000, NR }'; }
for _ in $(seq 1 50); do t "/api/shops/$SHOP/health" > /dev/null; done
echo "GET /api/shops/$SHOP/health, $N sequential after 50 to warm: $(for _ in $(seq 1 "$N"); do t "/api/shops/$SHOP/health"; done | p); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for url in "/api/shops/health?size=20" "/api/shops/health?size=200"; do
  t "$url" > /dev/null; t "$url" > /dev/null
  times=$(for _ in $(seq 1 "$RUNS"); do t "$url"; done)
  echo "GET $url, $RUNS warm runs: $(echo "$times" | p); seconds: $(echo $times); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
# the list after writes to some shops: their numbers of changes raised as a write raises them (the cost is reading
# those shops' facts again, whatever changed), then one run, for each number of shops (STALE, "1 10 100 300 1000")
for n in ${STALE:-1 10 100 300 1000}; do
  q "insert into shop_change (shop_id, slot, n) select id, 0, 1 from shop order by random() limit $n
     on conflict (shop_id, slot) do update set n = shop_change.n + 1" > /dev/null
  echo "GET /api/shops/health?size=20 after writes to $n shops: $(t "/api/shops/health?size=20" | p); then warm: $(t "/api/shops/health?size=20" | p)"
done
[ -z "${KEEP:-}" ] || echo "app pid $app, log $work/app.log"
