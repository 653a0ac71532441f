# Sourced by the HTTP bench scripts (after bench-users.sh): bench_shop WORK ORDERS_PER_THREAD loads the benchmark
# shop HB into the app at $BENCH_URL (http://localhost:8080 unless set) through the import API, with
# ORDERS_PER_THREAD orders awaiting shipment for each of two wrk threads: thread t cancels HB-(t*1000000+1) … (see post-cancellation.lua).
bench_shop() {
  local work=$1 per_thread=$2 placed t chunk i
  placed=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)
  post() { curl -sf -u "$ADMIN" -H "Content-Type: text/csv" --data-binary @"$2" "${BENCH_URL:-http://localhost:8080}/api/import/$1" > /dev/null; }
  printf 'id,name,category\nHB,Bench shop,Bench\n' > "$work/s.csv" && post shops "$work/s.csv"
  printf 'sku,shopId,name,listedStock\nHB-A,HB,Bench item,1000\n' > "$work/p.csv" && post products "$work/p.csv"
  for t in 0 1; do
    for chunk in $(seq 0 $(( per_thread / 20000 - 1 ))); do
      { echo "orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,placedAt,status,shippedAt,deliveredAt,listedStockAtOrder"
        for i in $(seq $(( t * 1000000 + chunk * 20000 + 1 )) $(( t * 1000000 + chunk * 20000 + 20000 ))); do
          echo "HB-$i,HB,HB-A,Bench item,1,10.00,B-$i,上海 Shanghai,$placed,AWAITING_SHIPMENT,,,1000"
        done; } > "$work/o.csv"
      post orders "$work/o.csv"
    done
  done
}
