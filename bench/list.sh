#!/usr/bin/env bash
# List throughput against the database's own (see bench/README.md, "List throughput"): on the
# organization of bench/run.sh (database trackagoat_bench, reused as is: run bench/run.sh first),
# wrk on GET /api/v1/videos?limit=100 ($CONNECTIONS connections, $DURATION), then pgbench running
# the SELECT that endpoint sends (bench/list-select.sql, prepared, the organization id as
# parameter) with as many clients, in the same run; prints both RESULT lines and the ratio.
# With PROFILE=1 a JFR recording of the measured wrk run is written to bench/results/list.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-8089}
APP_DIR=${APP_DIR:-target/quarkus-app}
OUT=bench/results
URL=http://127.0.0.1:$PORT
ADMIN=tga_$(printf 'bench-admin' | sha256sum | cut -c1-64)
mkdir -p "$OUT"
pg_ctlcluster 15 main start 2>/dev/null || true
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/${DB:-trackagoat_bench}
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/${DB:-trackagoat_bench}
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
PSQL_URL=postgresql://postgres:postgres@127.0.0.1:5432/${DB:-trackagoat_bench}
sql() { psql "$PSQL_URL" -Atc "$1"; }

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests
COMMIT=${COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo -dirty)}
export QUARKUS_HTTP_PORT=$PORT TRACKAGOAT_BOOTSTRAP_ADMIN_KEY=$ADMIN TRACKAGOAT_SCRAPE_ENABLED=false
export TRACKAGOAT_RATE_LIMIT_PER_KEY_PER_MINUTE=100000000 TRACKAGOAT_TIERS_ULTRA_MAX_API_REQUESTS_PER_DAY=-1
java -Xmx1g -jar "$APP_DIR/quarkus-run.jar" > "$OUT/app-list.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "$URL/api/v1/projects" && break; sleep 1; done

ORG=$(sql "SELECT id FROM organization WHERE name = 'Bench' ORDER BY created_at DESC LIMIT 1")
KEY=tga_$(head -c 32 /dev/urandom | sha256sum | cut -c1-64)
sql "INSERT INTO api_key (id, org_id, name, prefix, key_hash, scopes, created_at)
  VALUES (gen_random_uuid(), '$ORG', 'bench-list', '${KEY:4:8}', '$(printf '%s' "$KEY" | sha256sum | cut -c1-64)', 'read,write', now())" >/dev/null
echo "/api/v1/videos?limit=100" > "$OUT/list-paths.txt"
[ "$(curl -s -H "Authorization: Bearer $KEY" "$URL/api/v1/videos?limit=100" | jq '.data | length')" = 100 ] || { echo "the list does not answer 100 videos"; exit 1; }

echo "# bench/list.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $COMMIT; $(nproc) cores; $(sql "SELECT count(*) FROM video WHERE org_id = '$ORG'") videos in the organization"
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/load.lua "$URL" -- "$OUT/list-paths.txt" "$KEY" > /dev/null   # warm-up (JIT)
echo "== wrk GET /api/v1/videos?limit=100, $CONNECTIONS connections, $DURATION (load average $(cut -d' ' -f1-3 /proc/loadavg))"
[ -z "${PROFILE:-}" ] || jcmd $APP JFR.start name=list settings=profile duration=${DURATION} filename="$PWD/$OUT/list.jfr" >/dev/null
T0=$(ps -o times= -p $APP)
WRK=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load.lua "$URL" -- "$OUT/list-paths.txt" "$KEY")
echo "$WRK"
echo "app JVM CPU during the wrk run: $(( $(ps -o times= -p $APP) - T0 )) s of ${DURATION} (2 cores = $(( 2 * ${DURATION%s} )) s)"
API=$(echo "$WRK" | grep RESULT)
sleep 2
echo "== pgbench -M prepared -c $CONNECTIONS -j 2 -T ${DURATION%s} -f bench/list-select.sql (load average $(cut -d' ' -f1-3 /proc/loadavg))"
PGB=$(pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -D org="$ORG" -f bench/list-select.sql "$PSQL_URL" 2>&1)
echo "$PGB"
TPS=$(echo "$PGB" | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
RPS=$(echo "$API" | sed -nE 's/.*rps=([0-9.]+).*/\1/p')
echo "RATIO api_rps=$RPS pgbench_tps=$TPS ratio=$(awk -v a="$RPS" -v b="$TPS" 'BEGIN { printf "%.1f %%", 100 * a / b }')"
