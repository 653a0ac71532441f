#!/usr/bin/env bash
# Two instances of shop-health on one PostgreSQL database: activate a version on the first, measure how long
# until the second serves it. Needs the packaged app built for PostgreSQL:
#   ./mvnw package -DskipTests -DDB_KIND=postgresql && bench/fleet-demo.sh   (APP_DIR= another build dir)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-users.sh
DB=${FLEET_DB:-fleet}
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB"
work=$(mktemp -d)
start() { # port, extra options
  DB_KIND=postgresql DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB java -Dquarkus.http.port=$1 \
    -Dshophealth.rules.source=database "${@:2}" -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$work/$1.log" 2>&1 &
  echo $!
}
ready() { for _ in $(seq 1 120); do curl -sf "localhost:$1/q/health/ready" > /dev/null && return 0; sleep 0.5; done; return 1; }
a=$(start 8091); ready 8091
b=$(start 8092 -Dshophealth.sample-data.load=false); ready 8092
trap 'kill $a $b 2>/dev/null' EXIT
echo "instance A serves $(curl -s -u "$ANALYST" localhost:8091/api/rulesets/active | sed -E 's/.*"revision":"([^"]+)".*/\1/')"
echo "instance B serves $(curl -s -u "$ANALYST" localhost:8092/api/rulesets/active | sed -E 's/.*"revision":"([^"]+)".*/\1/')"
cp -r rules "$work/rules" && sed -i 's/^cancelRateCritical: 0.10/cancelRateCritical: 0.08/' "$work/rules/parameters.yaml"
(cd "$work/rules" && zip -qr "$work/candidate.zip" .)
rev=$(curl -s -u "$ANALYST" -X POST -H 'Content-Type: application/zip' --data-binary @"$work/candidate.zip" \
      'localhost:8091/api/rulesets?author=demo' | sed -E 's/.*"revision":"([^"]+)".*/\1/')
echo "uploaded $rev on A; activating it on A ${PAUSE:-0} s later"
sleep "${PAUSE:-0}"
t0=$(date +%s%N)
curl -s -u "$ANALYST" -X POST "localhost:8091/api/rulesets/$rev/activate" > /dev/null
until curl -s -u "$ANALYST" localhost:8092/api/rulesets/active | grep -q "\"revision\":\"$rev\""; do sleep 0.05; done
echo "instance B serves $rev $(( ($(date +%s%N) - t0) / 1000000 )) ms after the activation on A"
