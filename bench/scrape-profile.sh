#!/usr/bin/env bash
# One full scrape cycle of the bench organization (bench/run.sh, database $DB) with the database time
# per statement (see bench/README.md): needs pg_stat_statements loaded (ALTER SYSTEM SET
# shared_preload_libraries = 'pg_stat_statements', restart of the cluster, CREATE EXTENSION in $DB).
# Makes every creator and video of the organization due, resets the statistics, starts the app with
# the scrape job on a one-minute cron, waits for the job's "Scrape slot … in N ms" line, prints it
# and the top statements by total time (ms, calls, rows, shared blocks hit, read).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-trackagoat_bench}
PORT=${PORT:-8089}
APP_DIR=${APP_DIR:-target/quarkus-app}
PSQL_URL=postgresql://postgres:postgres@127.0.0.1:5432/$DB
sql() { psql "$PSQL_URL" -Atc "$1"; }
ORG=$(sql "SELECT id FROM organization WHERE name = 'Bench' ORDER BY created_at DESC LIMIT 1")
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT
LOG=bench/results/scrape-profile.log
mkdir -p bench/results
TRACKAGOAT_SCRAPE_ENABLED=true TRACKAGOAT_SCRAPE_CRON="0 * * * * ?" java -Xmx1g -jar "$APP_DIR/quarkus-run.jar" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
sleep 8
sql "UPDATE creator SET last_scraped_at = now() - interval '1 day', last_discovery_at = now() - interval '1 day' WHERE org_id = '$ORG';
     UPDATE video SET last_scraped_at = now() - interval '1 day' WHERE org_id = '$ORG' AND last_scraped_at IS NOT NULL" >/dev/null
sql "SELECT pg_stat_statements_reset()" >/dev/null
echo "# $(date -u +%FT%TZ) load average at start: $(cat /proc/loadavg)"
for _ in $(seq 1 600); do grep -q "Scrape slot" "$LOG" && break; sleep 1; done
grep "Scrape slot" "$LOG"
echo "# load average at the end: $(cat /proc/loadavg)"
sql "SELECT round(total_exec_time) ms, calls, rows, shared_blks_hit hit, shared_blks_read rd, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"
