#!/usr/bin/env bash
# Database cost per stats request (see bench/README.md): EXPLAIN (ANALYZE, BUFFERS) of every query
# the three stats endpoints run in the organization's zone (the SQL of StatsRepository, with
# literal parameters: custom plans) for representative entities of the bench organization, each run
# twice, the second one reported (shared buffers warm, as under load). Prints one summary line per
# query (rows returned, shared buffers hit/read, execution time) and, with DETAILS=1, the plans.
# Usage: bash bench/explain.sh [> bench/recorded/<date>-explain.txt]   (after bench/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
PSQL_URL=${PSQL_URL:-postgresql://postgres:postgres@127.0.0.1:5432/${DB:-trackagoat_bench}}
sql() { psql "$PSQL_URL" -Atc "$1"; }
ORG=$(sql "SELECT id FROM organization WHERE name = 'Bench' ORDER BY created_at DESC LIMIT 1")
TZ=$(sql "SELECT timezone FROM organization WHERE id = '$ORG'")
ZONE=$(sql "SELECT max(id) FROM rollup_zone WHERE org_id = '$ORG' AND tz = '$TZ' AND state = 'ready'")
TO=$(sql "SELECT ((now() AT TIME ZONE '$TZ')::date - 10)")
FROM=$(sql "SELECT '$TO'::date - 29")
FROM_TS=$(sql "SELECT ('$FROM'::timestamp AT TIME ZONE '$TZ')")
TO_TS=$(sql "SELECT (('$TO'::date + 1)::timestamp AT TIME ZONE '$TZ')")
CREATOR=$(sql "SELECT md5('$ORG' || ':creator:' || 123)::uuid")
VIDEO=$(sql "SELECT id FROM video WHERE creator_id = '$CREATOR' ORDER BY id LIMIT 1")
CAMPAIGN=$(sql "SELECT md5('$ORG' || ':campaign:' || 3)::uuid")
COUNTED="v.deleted_at IS NULL AND v.tracking_status IN ('auto_tracked', 'included', 'direct_add') AND (v.creator_id IS NULL OR EXISTS (SELECT 1 FROM creator c WHERE c.id = v.creator_id AND c.status <> 'removed'))"
COVERAGE="WITH RECURSIVE tree(id) AS (SELECT '$CAMPAIGN'::uuid UNION SELECT ci.item_id FROM campaign_item ci JOIN tree t ON ci.campaign_id = t.id WHERE ci.item_type = 'campaign' AND ci.org_id = '$ORG'),
items AS (SELECT ci.item_type, ci.item_id FROM campaign_item ci JOIN tree t ON ci.campaign_id = t.id WHERE ci.org_id = '$ORG'),
item_creators AS (SELECT c.id FROM creator c JOIN items i ON i.item_type = 'creator' AND i.item_id = c.id WHERE c.org_id = '$ORG' AND c.status <> 'removed'),
covered AS (SELECT v.id, v.creator_id, v.posted_at FROM video v JOIN items i ON i.item_type = 'video' AND i.item_id = v.id WHERE v.org_id = '$ORG' AND $COUNTED
            UNION SELECT v.id, v.creator_id, v.posted_at FROM video v JOIN item_creators ic ON v.creator_id = ic.id WHERE v.org_id = '$ORG' AND $COUNTED)
SELECT 'video' AS kind, id, creator_id, posted_at FROM covered
UNION ALL SELECT 'item_creator', id, NULL, NULL FROM item_creators
UNION ALL SELECT 'creator', id, NULL, NULL FROM (SELECT creator_id AS id FROM covered WHERE creator_id IS NOT NULL EXCEPT SELECT id FROM item_creators) c"
arr() { echo "'{$(paste -sd, -)}'::uuid[]"; }
ITEM_CREATORS=$(sql "SELECT id FROM ($COVERAGE) x WHERE kind = 'item_creator'")
CAMP_CREATORS=$(sql "SELECT id FROM ($COVERAGE) x WHERE kind <> 'video'" | arr)
CAMP_VIDEOS=$(sql "SELECT id FROM ($COVERAGE) x WHERE kind = 'video'" | arr)
CAMP_OTHERS=$(sql "SELECT id FROM ($COVERAGE) x WHERE kind = 'video' AND (creator_id IS NULL OR creator_id::text NOT IN (SELECT unnest(string_to_array('$(echo "$ITEM_CREATORS" | paste -sd,)', ','))))" | arr)
ITEM_CREATORS=$(echo "$ITEM_CREATORS" | arr)
CREATOR_VIDEOS=$(sql "SELECT v.id FROM video v WHERE v.org_id = '$ORG' AND v.creator_id = '$CREATOR' AND $COUNTED" | arr)
CD_COLS="views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves, g_count, followers, following, likes_count, video_count, own_snapshot, og_followers, og_following, og_likes, og_videos"
VD_COLS="views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves"
pre() { echo "$2" | sed -E "s/([a-z_]+)(,|$)/$1.\1\2/g"; }
range() {  # table, id column, columns, ids array
  echo "SELECT u.id, 0, p.day - DATE '1970-01-01', $(pre p "$3") FROM unnest($4) AS u(id) CROSS JOIN LATERAL (
    SELECT * FROM $1 p WHERE p.zone_id = $ZONE AND p.$2 = u.id AND p.day < '$FROM' ORDER BY p.day DESC LIMIT 1) p
  UNION ALL
  SELECT r.$2, 1, r.day - DATE '1970-01-01', $(pre r "$3") FROM $1 r WHERE r.zone_id = $ZONE AND r.$2 = ANY($4) AND r.day BETWEEN '$FROM' AND '$TO'
  ORDER BY 1, 2, 3"
}
first_day() {  # video creators, own creators, videos
  echo "SELECT least((SELECT min(first_day) FROM video_rollup WHERE zone_id = $ZONE AND counted AND creator_id = ANY($1)),
    (SELECT min(c.first) FROM unnest($2) AS u(id) CROSS JOIN LATERAL (SELECT min(day) AS first FROM creator_day d WHERE d.zone_id = $ZONE AND d.creator_id = u.id AND d.own_snapshot) c),
    (SELECT min(first_day) FROM video_rollup WHERE zone_id = $ZONE AND video_id = ANY($3)))"
}
baselines() {  # videos, creators
  echo "SELECT video_id, captured_at, baseline_reason FROM video_snapshot WHERE video_id = ANY($1) AND is_baseline AND captured_at >= '$FROM_TS' AND captured_at < '$TO_TS'
  UNION ALL SELECT creator_id, captured_at, baseline_reason FROM creator_snapshot WHERE creator_id = ANY($2) AND is_baseline AND captured_at >= '$FROM_TS' AND captured_at < '$TO_TS'"
}
TOTAL_HIT=0; TOTAL_READ=0; TOTAL_MS=0
ex() {  # endpoint, query name, SQL
  sql "EXPLAIN (ANALYZE, BUFFERS) $3" >/dev/null
  local j; j=$(sql "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $3")
  printf '%-10s %-34s %s\n' "$1" "$2" "$(echo "$j" | jq -r '.[0] | "rows=\(.Plan["Actual Rows"]) hit=\(.Plan["Shared Hit Blocks"]) read=\(.Plan["Shared Read Blocks"]) ms=\(."Execution Time")"')"
  [ -z "${DETAILS:-}" ] || { sql "EXPLAIN (ANALYZE, BUFFERS) $3"; echo; }
}
echo "# bench/explain.sh $(date -u +%Y-%m-%dT%H:%M:%SZ); organization $ORG, zone $ZONE ($TZ), range $FROM..$TO; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# video $VIDEO, creator $CREATOR ($(echo "$CREATOR_VIDEOS" | tr ',' '\n' | wc -l) counted videos), campaign $CAMPAIGN ($(echo "$CAMP_VIDEOS" | tr ',' '\n' | wc -l) covered videos, $(echo "$CAMP_CREATORS" | tr ',' '\n' | wc -l) creators, $(echo "$CAMP_OTHERS" | tr ',' '\n' | wc -l) videos outside item creators)"
ex video  visibleVideo "SELECT v.id, v.creator_id, v.posted_at, v.tracking_status IN ('auto_tracked', 'included', 'direct_add') AS counted FROM video v WHERE v.id = '$VIDEO' AND v.org_id = '$ORG' AND v.deleted_at IS NULL AND v.tracking_status <> 'excluded' AND (v.creator_id IS NULL OR EXISTS (SELECT 1 FROM creator c WHERE c.id = v.creator_id AND c.status <> 'removed'))"
ex video  allVideoSnapshots "SELECT video_id, captured_at, view_count, like_count, comment_count, share_count, save_count, is_baseline, baseline_reason FROM video_snapshot WHERE video_id = ANY('{$VIDEO}'::uuid[]) ORDER BY video_id, captured_at"
ex video  readyZone "SELECT max(id) FROM rollup_zone WHERE org_id = '$ORG' AND tz = '$TZ' AND state = 'ready'"
ex video  velocitySums "SELECT owner_id, day_number, gain_sum, sample_size FROM velocity_sum WHERE zone_id = $ZONE AND owner_id = ANY('{$CREATOR,$ORG}'::uuid[]) AND sample_size > 0"
ex creator visibleCreator "SELECT id FROM creator WHERE id = '$CREATOR' AND org_id = '$ORG' AND status <> 'removed'"
ex creator readyZone "SELECT max(id) FROM rollup_zone WHERE org_id = '$ORG' AND tz = '$TZ' AND state = 'ready'"
ex creator countedVideosOfCreator "SELECT v.id, v.creator_id, v.posted_at, true AS counted FROM video v WHERE v.org_id = '$ORG' AND v.creator_id = '$CREATOR' AND $COUNTED"
ex creator creatorDays "$(range creator_day creator_id "$CD_COLS" "'{$CREATOR}'::uuid[]")"
ex creator firstDay "$(first_day "'{$CREATOR}'::uuid[]" "'{$CREATOR}'::uuid[]" "'{}'::uuid[]")"
ex creator baselines "$(baselines "$CREATOR_VIDEOS" "'{$CREATOR}'::uuid[]")"
ex campaign campaignTarget "SELECT target_views, target_at FROM campaign WHERE id = '$CAMPAIGN' AND org_id = '$ORG'"
ex campaign readyZone "SELECT max(id) FROM rollup_zone WHERE org_id = '$ORG' AND tz = '$TZ' AND state = 'ready'"
ex campaign coverage "$COVERAGE"
ex campaign creatorDays "$(range creator_day creator_id "$CD_COLS" "$CAMP_CREATORS")"
ex campaign videoDays "$(range video_day video_id "$VD_COLS" "$CAMP_OTHERS")"
ex campaign firstDay "$(first_day "$ITEM_CREATORS" "$CAMP_CREATORS" "$CAMP_OTHERS")"
ex campaign baselines "$(baselines "$CAMP_VIDEOS" "$CAMP_CREATORS")"
