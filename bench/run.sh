#!/usr/bin/env bash
# Stats benchmark at scale (see bench/README.md). Builds the jar, points it at a real PostgreSQL
# (QUARKUS_DATASOURCE_* if set, otherwise the local Debian cluster on 127.0.0.1:5432, database
# trackagoat_bench, created fresh), generates an organization of $CREATORS creators × $PER_CREATOR
# videos × $DAYS days of snapshots in $ORG_TZ, builds its stats rollups through the admin rebuild
# endpoint, then measures the stats endpoints: `cold` (each entity once right after a restart),
# `warm` (wrk), `fallback` (tz=$OTHER_TZ: the snapshot path) and `during-scrape` (wrk while full
# scrape cycles of the organization run), and records the full scrape cycle time.
# Every measured request of the goals is in the organization's own time zone (no tz parameter).
set -euo pipefail
cd "$(dirname "$0")/.."
CREATORS=${CREATORS:-1000}
PER_CREATOR=${PER_CREATOR:-50}
DAYS=${DAYS:-90}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-8089}
DB=${DB:-trackagoat_bench}
ORG_TZ=${ORG_TZ:-America/New_York}
OTHER_TZ=${OTHER_TZ:-Europe/Berlin}
PASSES=${PASSES:-cold warm fallback scrape}   # a subset when time is short (e.g. "cold warm")
APP_DIR=${APP_DIR:-target/quarkus-app}   # another copy of the built app: rebuilds in target/ do not disturb a run
ADMIN=tga_$(printf 'bench-admin' | sha256sum | cut -c1-64)
OUT=${OUT:-bench/results}
URL=http://127.0.0.1:$PORT
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -z "${QUARKUS_DATASOURCE_REACTIVE_URL:-}" ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
  [ -n "${REUSE:-}" ] || su postgres -c "dropdb --if-exists $DB && createdb $DB"
  export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
fi
PSQL_URL="postgresql://${QUARKUS_DATASOURCE_USERNAME}:${QUARKUS_DATASOURCE_PASSWORD}@${QUARKUS_DATASOURCE_REACTIVE_URL#postgresql://}"
sql() { psql "$PSQL_URL" -Atc "$1"; }

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests
COMMIT=${COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo -dirty)}
export QUARKUS_HTTP_PORT=$PORT TRACKAGOAT_BOOTSTRAP_ADMIN_KEY=$ADMIN
export TRACKAGOAT_RATE_LIMIT_PER_KEY_PER_MINUTE=100000000 TRACKAGOAT_TIERS_ULTRA_MAX_API_REQUESTS_PER_DAY=-1
export TRACKAGOAT_TIERS_ULTRA_MAX_MANUAL_SCRAPE_TRIGGERS_PER_DAY=-1

APP=
start_app() {  # log file; the scraper is off unless SCRAPE_CRON is given
  if [ -n "${SCRAPE_CRON:-}" ]; then
    TRACKAGOAT_SCRAPE_ENABLED=true TRACKAGOAT_SCRAPE_CRON="$SCRAPE_CRON" java -Xmx1g -jar "$APP_DIR/quarkus-run.jar" > "$1" 2>&1 &
  else
    TRACKAGOAT_SCRAPE_ENABLED=false java -Xmx1g -jar "$APP_DIR/quarkus-run.jar" > "$1" 2>&1 &
  fi
  APP=$!
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "$URL/api/v1/projects" && return 0
    kill -0 $APP 2>/dev/null || { tail -50 "$1"; exit 1; }
    sleep 1
  done
  echo "the app did not start"; exit 1
}
stop_app() { [ -z "$APP" ] || { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; APP=; }; }
trap stop_app EXIT
note() { echo "$*" | tee -a "$OUT/results.txt"; }

: > "$OUT/results.txt"
note "# bench/run.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $COMMIT; $(nproc) cores; CREATORS=$CREATORS PER_CREATOR=$PER_CREATOR DAYS=$DAYS; org zone $ORG_TZ"
note "# load average at start: $(cat /proc/loadavg)"
start_app "$OUT/app.log"

if [ -n "${REUSE:-}" ]; then   # the organization of an earlier run, with a new key
  ORG=$(sql "SELECT id FROM organization WHERE name = 'Bench' ORDER BY created_at DESC LIMIT 1")
  ORG_TZ=$(sql "SELECT timezone FROM organization WHERE id = '$ORG'")
  KEY=tga_$(head -c 32 /dev/urandom | sha256sum | cut -c1-64)
  sql "INSERT INTO api_key (id, org_id, name, prefix, key_hash, scopes, created_at)
    VALUES (gen_random_uuid(), '$ORG', 'bench', '${KEY:4:8}', '$(printf '%s' "$KEY" | sha256sum | cut -c1-64)', 'read,write', now())" >/dev/null
else
  CREATED=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench\",\"tier\":\"ultra\",\"timezone\":\"$ORG_TZ\"}" "$URL/api/v1/admin/organizations")
  ORG=$(echo "$CREATED" | sed -E 's/.*"organization":\{"id":"([^"]+)".*/\1/')
  KEY=$(echo "$CREATED" | sed -E 's/.*"key":"(tga_[0-9a-f]+)".*/\1/')
  START=$(date +%s)
  psql "$PSQL_URL" -q -v org="$ORG" -v creators="$CREATORS" -v per_creator="$PER_CREATOR" -v days="$DAYS" \
    -f bench/generate.sql | tee "$OUT/generate.txt"
  note "generation took $(( $(date +%s) - START )) s"
  # generate.sql wrote the snapshots with SQL, past the rollups: rebuild them (admin endpoint, 202),
  # then wait until the organization has no zone being built
  START=$(date +%s)
  note "rebuild: HTTP $(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" "$URL/api/v1/admin/organizations/$ORG/rollups/rebuild")"
fi
echo "bench organization $ORG ($ORG_TZ)"
for _ in $(seq 1 4320); do
  [ "$(sql "SELECT count(*) FROM rollup_zone WHERE org_id = '$ORG' AND state = 'building'")" = 0 ] && break
  sleep 5
done
[ -n "${REUSE:-}" ] || {
  note "rollups ready after $(( $(date +%s) - START )) s (wall, polled every 5 s); load average $(cat /proc/loadavg)"
  note "$(grep -E "Rollups of organization $ORG in .* ready in" "$OUT/app.log" || echo 'no ready line in the log')"
}
sql "SELECT 'zones: ' || string_agg(id || ' ' || tz || ' ' || state, ', ') FROM rollup_zone WHERE org_id = '$ORG'" | tee -a "$OUT/results.txt"
ZONE=$(sql "SELECT max(id) FROM rollup_zone WHERE org_id = '$ORG' AND tz = '$ORG_TZ' AND state = 'ready'")
sql "SELECT format('data: %s videos, %s video snapshots, %s creator snapshots; rollups: %s video_day, %s creator_day, %s velocity_sum rows',
        (SELECT count(*) FROM video WHERE org_id = '$ORG'), (SELECT count(*) FROM video_snapshot WHERE org_id = '$ORG'),
        (SELECT count(*) FROM creator_snapshot WHERE org_id = '$ORG'), (SELECT count(*) FROM video_day WHERE zone_id = $ZONE),
        (SELECT count(*) FROM creator_day WHERE zone_id = $ZONE), (SELECT count(*) FROM velocity_sum WHERE zone_id = $ZONE))" | tee -a "$OUT/results.txt"
sql "SELECT 'sizes: ' || string_agg(t || ' ' || pg_size_pretty(pg_total_relation_size(t::regclass)), ', ')
     FROM unnest(array['video_snapshot','creator_snapshot','video_day','creator_day','velocity_sum','video_rollup']) t" | tee -a "$OUT/results.txt"
sql "ANALYZE" >/dev/null
if [ -n "${GENERATE_ONLY:-}" ]; then note "# load average at the end: $(cat /proc/loadavg)"; exit 0; fi

psql "$PSQL_URL" -Atc "SELECT id FROM video WHERE org_id = '$ORG' ORDER BY random() LIMIT 5000" > "$OUT/videos.txt"
psql "$PSQL_URL" -Atc "SELECT id FROM creator WHERE org_id = '$ORG'" > "$OUT/creators.txt"
psql "$PSQL_URL" -Atc "SELECT id FROM campaign WHERE org_id = '$ORG' AND name ~ 'Bench campaign ([1-9]|1[0-9]|20)$'" > "$OUT/campaigns.txt"

ENDPOINTS=("video stats, cohort=1|$OUT/videos.txt|/api/v1/videos/%s/stats|&cohort=1"
           "creator stats|$OUT/creators.txt|/api/v1/creators/%s/stats|"
           "campaign stats|$OUT/campaigns.txt|/api/v1/campaigns/%s/stats|")
wrk_run() {  # pass, name, ids file, path template, extra query, [tz]
  note "== $1: $2 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 60s -s bench/stats.lua "$URL" -- "$3" "$4" "$KEY" "$5" "${6:-}" \
    | tee -a "$OUT/results.txt" | grep RESULT
}

# cold: a fresh JVM per endpoint (empty caches, cold JIT), then every entity of the list once,
# 8 concurrent workers, no tz (the organization's zone)
pass() { [[ " $PASSES " == *" $1 "* ]]; }
pass cold && for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name ids path extra <<< "$e"
  stop_app; start_app "$OUT/app-cold.log"
  note "== cold: $name, $(wc -l < "$ids") entities once each (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 bench/cold.py "$URL" "$ids" "$path" "$KEY" "$extra" "$CONNECTIONS" | tee -a "$OUT/results.txt"
done

# warm: the same app, wrk for $DURATION per endpoint
pass warm && for e in "${ENDPOINTS[@]}" "creator stats, engagement_rate_by_followers|$OUT/creators.txt|/api/v1/creators/%s/stats|&metric=engagement_rate_by_followers"; do
  IFS='|' read -r name ids path extra <<< "$e"
  wrk_run warm "$name" "$ids" "$path" "$extra"
done

# fallback: another time zone than the organization's has no rollups: the snapshot path (series
# per entity and version, the org cohort curve of that zone computed on first use)
pass fallback && note "fallback tz=$OTHER_TZ: first video stats with cohort=1 (computes the org cohort curve of the zone): $(curl -s -o /dev/null -w '%{time_total}' \
  -H "Authorization: Bearer $KEY" "$URL/api/v1/videos/$(head -1 "$OUT/videos.txt")/stats?cohort=1&tz=$OTHER_TZ") s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
pass fallback && for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name ids path extra <<< "$e"
  wrk_run "fallback tz=$OTHER_TZ" "$name" "$ids" "$path" "$extra" "$OTHER_TZ"
done
stop_app

# during-scrape: the app with the scrape job on a one-minute cron. Before each cycle every creator
# and video of the organization is made due again (last_scraped_at / last_discovery_at a day back),
# so each cycle is a full one (creator snapshots, discovery, every video, rollup maintenance in the
# same transactions). The first cycle runs without load (the cycle time of the goal); then, per
# endpoint, wrk starts 2 s before the cycle's minute and is stopped (SIGINT, wrk prints its
# summary) when the job logs the end of the cycle: the pass covers the cycle and nothing else.
pass scrape || { note "# load average at the end: $(cat /proc/loadavg)"; exit 0; }
SCRAPE_CRON="0 * * * * ?" start_app "$OUT/scrape.log"
make_due() {
  sql "UPDATE creator SET last_scraped_at = now() - interval '1 day', last_discovery_at = now() - interval '1 day' WHERE org_id = '$ORG';
       UPDATE video SET last_scraped_at = now() - interval '1 day' WHERE org_id = '$ORG' AND last_scraped_at IS NOT NULL" >/dev/null
}
slots() { grep -c "Scrape slot" "$OUT/scrape.log" || true; }
wait_slot() {  # until the job logs one more cycle than $1
  for _ in $(seq 1 600); do [ "$(slots)" -gt "$1" ] && return 0; sleep 0.5; done; echo "no scrape cycle logged"; exit 1
}
before_minute() { sleep $(( (118 - $(date +%-S)) % 60 )); }   # until second 58
make_due
n=$(slots); note "== scrape cycle without load (load average $(cut -d' ' -f1-3 /proc/loadavg))"
wait_slot "$n"; note "$(grep "Scrape slot" "$OUT/scrape.log" | tail -1)"
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name ids path extra <<< "$e"
  make_due; before_minute
  n=$(slots)
  note "== during-scrape: $name (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONNECTIONS" -d600s --timeout 60s -s bench/stats.lua "$URL" -- "$ids" "$path" "$KEY" "$extra" > "$OUT/wrk-scrape.txt" &
  W=$!
  wait_slot "$n"; kill -INT $W; wait $W || true
  tee -a "$OUT/results.txt" < "$OUT/wrk-scrape.txt" | grep RESULT
  note "$(grep "Scrape slot" "$OUT/scrape.log" | tail -1)"
done
stop_app

# no cohort-curve pass over the history in the organization's zone: cohort_curve rows per zone
note "cohort_curve rows of the organization per zone: $(sql "SELECT coalesce(string_agg(tz || ' ' || n, ', '), 'none') FROM (SELECT tz, count(*) n FROM cohort_curve WHERE org_id = '$ORG' GROUP BY tz) x")"
note "errors in the app logs: $(cat "$OUT"/app*.log "$OUT/scrape.log" | grep -c ' ERROR ' || true)"
note "# load average at the end: $(cat /proc/loadavg)"
