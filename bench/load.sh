#!/usr/bin/env bash
# Sustained load (see bench/README.md, "Sustained load"): builds the jar, runs it against a fresh
# database on the machine's Debian PostgreSQL 15 (127.0.0.1:5432) unless QUARKUS_DATASOURCE_* are
# set, seeds the demo organization (TRACKAGOAT_DEMO_ENABLED=true), then runs wrk for $DURATION at
# $CONNECTIONS connections on a mix of list and stats endpoints, with rate limits lifted. Records
# p50/p95/p99, request and non-2xx counts and the JVM's RSS before/after into
# bench/recorded/<date>-load-60s.txt. Loopback only; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DB=${DB:-trackagoat_load}
DEMO_KEY=tga_$(printf 'load-demo' | sha256sum | cut -c1-64)
OUT=bench/results/load
COMMIT=$(git describe --always --dirty)   # before the record file below is rewritten
REC=bench/recorded/$(date -u +%Y-%m-%d)-load-${DURATION}.txt
mkdir -p "$OUT" bench/recorded

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -z "${QUARKUS_DATASOURCE_REACTIVE_URL:-}" ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
  su postgres -c "dropdb --if-exists $DB && createdb $DB"
  export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
fi

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests
export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT
export TRACKAGOAT_DEMO_ENABLED=true TRACKAGOAT_DEMO_API_KEY=$DEMO_KEY TRACKAGOAT_SCRAPE_ENABLED=false
export TRACKAGOAT_RATE_LIMIT_PER_KEY_PER_MINUTE=100000000
export TRACKAGOAT_TIERS_STARTER_MAX_API_REQUESTS_PER_DAY=-1 TRACKAGOAT_TIERS_ULTRA_MAX_API_REQUESTS_PER_DAY=-1
java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
api() { curl -sf --max-time 30 -H "Authorization: Bearer $DEMO_KEY" "http://127.0.0.1:$PORT$1"; }
for i in $(seq 1 180); do api /api/v1/projects >/dev/null && break; kill -0 $APP || { tail -50 "$OUT/app.log"; exit 1; }; sleep 1; done
api /api/v1/projects >/dev/null

# the request mix: every list endpoint, and the stats of every demo creator, video and campaign
{
  for list in projects creators videos campaigns; do echo "/api/v1/$list"; echo "/api/v1/$list?limit=10"; done
  for kind in creators videos campaigns; do
    api "/api/v1/$kind?limit=100" | jq -r '.data[].id' | while read -r id; do echo "/api/v1/$kind/$id/stats"; done
  done
} > "$OUT/paths.txt"
echo "$(wc -l < "$OUT/paths.txt") paths"

# warm-up (JIT, the per-entity series and cohort curves), then the measured run
timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d15s -s bench/load.lua "http://127.0.0.1:$PORT" -- "$OUT/paths.txt" "$DEMO_KEY" > /dev/null
RSS_BEFORE=$(ps -o rss= -p $APP | tr -d ' ')
LOAD=$(cat /proc/loadavg)
RESULT=$(timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load.lua "http://127.0.0.1:$PORT" -- "$OUT/paths.txt" "$DEMO_KEY")
RSS_AFTER=$(ps -o rss= -p $APP | tr -d ' ')
{
  echo "# bench/load.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $COMMIT"
  echo "# $(nproc) cores, load average before the run: $LOAD; java -Xmx512m; $THREADS threads, $CONNECTIONS connections, $DURATION"
  echo "# $(wc -l < "$OUT/paths.txt") paths: 8 list requests and the stats of every demo creator, video and campaign"
  echo "$RESULT"
  echo "RSS before=${RSS_BEFORE} KiB after=${RSS_AFTER} KiB"
  echo "# errors in the app log: $(grep -c ' ERROR ' "$OUT/app.log" || true)"
} | tee "$REC"
