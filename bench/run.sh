#!/usr/bin/env bash
# Stats benchmark at scale (see bench/README.md). Builds the jar, points it at a real PostgreSQL
# (QUARKUS_DATASOURCE_* if set, otherwise the local Debian cluster on 127.0.0.1:5432, database
# trackagoat_bench, created fresh), generates an organization of 1,000 creators / 50,000 videos /
# 90 days of snapshots, then measures the stats endpoints with wrk and one full scrape cycle.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-8089}
ADMIN=tga_$(printf 'bench-admin' | sha256sum | cut -c1-64)
OUT=bench/results
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -z "${QUARKUS_DATASOURCE_REACTIVE_URL:-}" ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
  [ -n "${REUSE:-}" ] || su postgres -c "dropdb --if-exists trackagoat_bench && createdb trackagoat_bench"
  export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/trackagoat_bench
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/trackagoat_bench
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
fi
PSQL_URL="postgresql://${QUARKUS_DATASOURCE_USERNAME}:${QUARKUS_DATASOURCE_PASSWORD}@${QUARKUS_DATASOURCE_REACTIVE_URL#postgresql://}"

./mvnw -B -q package -DskipTests
export QUARKUS_HTTP_PORT=$PORT TRACKAGOAT_BOOTSTRAP_ADMIN_KEY=$ADMIN TRACKAGOAT_SCRAPE_ENABLED=false
export TRACKAGOAT_RATE_LIMIT_PER_KEY_PER_MINUTE=100000000 TRACKAGOAT_TIERS_ULTRA_MAX_API_REQUESTS_PER_DAY=-1
export TRACKAGOAT_TIERS_ULTRA_MAX_MANUAL_SCRAPE_TRIGGERS_PER_DAY=-1
export QUARKUS_CACHE_ENABLED=${QUARKUS_CACHE_ENABLED:-true}   # false: every request computes from snapshots
java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/api/v1/projects"; do sleep 1; done

if [ -n "${REUSE:-}" ]; then   # the organization of an earlier run, with a new key
  ORG=$(psql "$PSQL_URL" -Atc "SELECT id FROM organization WHERE name = 'Bench' ORDER BY created_at DESC LIMIT 1")
  KEY=tga_$(head -c 32 /dev/urandom | sha256sum | cut -c1-64)
  psql "$PSQL_URL" -qc "INSERT INTO api_key (id, org_id, name, prefix, key_hash, scopes, created_at)
    VALUES (gen_random_uuid(), '$ORG', 'bench', '${KEY:4:8}', '$(printf '%s' "$KEY" | sha256sum | cut -c1-64)', 'read,write', now())"
else
  CREATED=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"name":"Bench","tier":"ultra","timezone":"UTC"}' "http://127.0.0.1:$PORT/api/v1/admin/organizations")
  ORG=$(echo "$CREATED" | sed -E 's/.*"organization":\{"id":"([^"]+)".*/\1/')
  KEY=$(echo "$CREATED" | sed -E 's/.*"key":"(tga_[0-9a-f]+)".*/\1/')
  START=$(date +%s)
  psql "$PSQL_URL" -q -v org="$ORG" -v creators="${CREATORS:-1000}" -v per_creator="${PER_CREATOR:-50}" -v days="${DAYS:-90}" \
    -f bench/generate.sql | tee "$OUT/generate.txt"
  echo "generation took $(( $(date +%s) - START )) s" | tee -a "$OUT/generate.txt"
fi
echo "bench organization $ORG"

psql "$PSQL_URL" -Atc "SELECT id FROM video WHERE org_id = '$ORG' ORDER BY random() LIMIT 5000" > "$OUT/videos.txt"
psql "$PSQL_URL" -Atc "SELECT id FROM creator WHERE org_id = '$ORG'" > "$OUT/creators.txt"
psql "$PSQL_URL" -Atc "SELECT id FROM campaign WHERE org_id = '$ORG' AND name ~ 'Bench campaign ([1-9]|1[0-9]|20)$'" > "$OUT/campaigns.txt"

# warm-up: JIT, and the org cohort curves of the three time zones (computed once per stats version)
for tz in UTC America/New_York Europe/Berlin; do
  /usr/bin/time -f "cohort curve $tz: %e s" curl -sf -o /dev/null -H "Authorization: Bearer $KEY" \
    "http://127.0.0.1:$PORT/api/v1/videos/$(head -1 "$OUT/videos.txt")/stats?cohort=1&tz=$tz" 2>&1 | tee -a "$OUT/warmup.txt"
done
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/stats.lua "http://127.0.0.1:$PORT" -- "$OUT/videos.txt" "/api/v1/videos/%s/stats" "$KEY" "&cohort=1" > /dev/null

run() {  # name, ids file, path template, extra query
  echo "== $1" | tee -a "$OUT/results.txt"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/stats.lua "http://127.0.0.1:$PORT" -- "$2" "$3" "$KEY" "${4:-}" \
    | tee -a "$OUT/results.txt" | grep RESULT
}
: > "$OUT/results.txt"
# pass 1: creator and campaign series are computed on first use of each (entity, zone);
# pass 2: the same load again, the series of the stats version now in memory
for pass in 1 2; do
  run "pass $pass: video stats, cohort=1" "$OUT/videos.txt" "/api/v1/videos/%s/stats" "&cohort=1"
  run "pass $pass: creator stats" "$OUT/creators.txt" "/api/v1/creators/%s/stats"
  run "pass $pass: campaign stats" "$OUT/campaigns.txt" "/api/v1/campaigns/%s/stats"
  run "pass $pass: creator stats, engagement_rate_by_followers" "$OUT/creators.txt" "/api/v1/creators/%s/stats" "&metric=engagement_rate_by_followers"
done
[ -z "${REUSE:-}" ] || exit 0   # the scrape cycle is only measured on freshly generated data

# one full scrape cycle of the organization (everything is due: the last snapshots are a day old);
# the app restarts with the job on a one-minute cron and the job's own log line is the measurement
kill $APP; wait $APP 2>/dev/null || true
TRACKAGOAT_SCRAPE_ENABLED=true TRACKAGOAT_SCRAPE_CRON="0 * * * * ?" java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$OUT/scrape.log" 2>&1 &
APP=$!
until grep -q "Cohort curves" "$OUT/scrape.log"; do sleep 2; done
grep -E "Scrape slot|Cohort curves" "$OUT/scrape.log" | head -2 | tee "$OUT/scrape.txt"
