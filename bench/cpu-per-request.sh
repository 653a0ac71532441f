#!/usr/bin/env bash
# The CPU one request costs the app and its PostgreSQL backends: a wrk run against an app already running, with the
# CPU time (/proc/<pid>/stat) of the app's process and of the database's server processes read before and after.
# Less disturbed by other work on the machine than requests per second, though not immune (caches, JIT, GC).
#   bench/cpu-per-request.sh APP_PID DATABASE DURATION WRK-ARGUMENTS...
#   bench/cpu-per-request.sh "$(pgrep -f pg-app/quarkus-run.jar)" bench_app 15s -s bench/post-cancellation.lua http://localhost:18080
# Prints req/s, p50, p99, requests, and the app's and PostgreSQL's CPU milliseconds per request, with the load average.
set -euo pipefail
pid=$1 db=$2 duration=$3
shift 3
ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2> /dev/null || echo 0; }
backends=$(psql -h 127.0.0.1 -U postgres -qtA -c "select pid from pg_stat_activity where datname = '$db'" postgres)
sum() { local total=0 p; for p in $backends; do total=$(( total + $(cpu "$p") )); done; echo "$total"; }
app0=$(cpu "$pid") pg0=$(sum)
out=$(wrk -t2 -c16 -d"$duration" --latency "$@")
app1=$(cpu "$pid") pg1=$(sum)
requests=$(echo "$out" | awk '/requests in/ { print $1 }')
echo "$out" | awk -v a=$(( app1 - app0 )) -v p=$(( pg1 - pg0 )) -v r="$requests" -v t="$ticks" -v l="$(cut -d' ' -f1 /proc/loadavg)" '
  /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
  END { printf "%s req/s, p50 %s, p99 %s, %d requests; CPU per request: app %.2f ms, PostgreSQL %.2f ms (load %s)\n",
        rps, p50, p99, r, 1000 * a / t / r, 1000 * p / t / r, l }'
