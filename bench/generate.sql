-- Builds a large organization for the benchmarks: :creators creators in 10 projects, :per_creator
-- videos each, :days days of daily snapshots (12:00 UTC) ending yesterday, and 20 campaigns (each
-- 10 creators, 20 direct videos and a nested sub-campaign). Deterministic: ids and counters are
-- derived from hashes of the organization id and row numbers.
-- Usage: psql -v org=<uuid> -v creators=1000 -v per_creator=50 -v days=90 -f bench/generate.sql
\set ON_ERROR_STOP on
\timing on

BEGIN;
CREATE TEMP TABLE params AS
SELECT :'org'::uuid AS org, :creators::int AS creators, :per_creator::int AS per_creator, :days::int AS days,
       (date_trunc('day', now() AT TIME ZONE 'UTC') - interval '1 day' + interval '12 hours') AT TIME ZONE 'UTC' AS last_slot;

INSERT INTO project (id, org_id, name, created_at, updated_at)
SELECT md5(p.org || ':project:' || g)::uuid, p.org, 'Bench project ' || g, now(), now()
FROM params p, generate_series(1, 10) g;

INSERT INTO creator (id, org_id, project_id, tiktok_handle, tracking_mode, tracking_start_date, status, created_at, updated_at)
SELECT md5(p.org || ':creator:' || g)::uuid, p.org, md5(p.org || ':project:' || (1 + g % 10))::uuid, 'bench.creator.' || g,
       'auto', (p.last_slot - (p.days || ' days')::interval)::date, 'active', now() - (g || ' seconds')::interval, now()
FROM params p, generate_series(1, (SELECT creators FROM params)) g;

-- 90 % of the videos were posted in the 60 days before the window, 10 % inside it.
INSERT INTO video (id, org_id, project_id, creator_id, tiktok_video_id, url, title, tracking_status, posted_at, created_at, updated_at)
SELECT md5(p.org || ':video:' || c || ':' || v)::uuid, p.org, md5(p.org || ':project:' || (1 + c % 10))::uuid,
       md5(p.org || ':creator:' || c)::uuid, (c * 1000 + v)::text,
       'https://www.tiktok.com/@bench.creator.' || c || '/video/' || (c * 1000 + v), 'Bench video ' || v, 'auto_tracked',
       CASE WHEN (c + v) % 10 = 0
            THEN p.last_slot - ((abs(hashtext(c || ':' || v)) % (p.days * 24)) || ' hours')::interval
            ELSE p.last_slot - ((p.days * 24 + abs(hashtext(c || ':' || v)) % (60 * 24)) || ' hours')::interval END,
       now() - ((c * 1000 + v) || ' milliseconds')::interval, now()
FROM params p, generate_series(1, (SELECT creators FROM params)) c, generate_series(1, (SELECT per_creator FROM params)) v;
COMMIT;

-- One snapshot a day per video from its first slot after posting; the first is the baseline.
BEGIN;
INSERT INTO video_snapshot (video_id, captured_at, org_id, view_count, like_count, comment_count, share_count, save_count,
                            is_baseline, baseline_reason, source)
SELECT v.id, s.slot, v.org_id, x.views, x.views * 8 / 100, x.views / 200, x.views / 300, x.views / 100,
       s.slot = first.slot, CASE WHEN s.slot = first.slot THEN 'video_added' END, 'backfill'
FROM video v
CROSS JOIN params p
CROSS JOIN LATERAL (SELECT greatest(p.last_slot - ((p.days - 1) || ' days')::interval,
                                    date_trunc('day', v.posted_at) + interval '12 hours'
                                    + CASE WHEN v.posted_at > date_trunc('day', v.posted_at) + interval '12 hours' THEN interval '1 day' ELSE interval '0' END) AS slot) first
CROSS JOIN LATERAL generate_series(first.slot, p.last_slot, interval '1 day') AS s(slot)
CROSS JOIN LATERAL (SELECT (2000 + abs(hashtext(v.id::text)) % 200000)::float8 AS potential,
                           extract(epoch FROM s.slot - v.posted_at) / 86400.0 AS age) t
CROSS JOIN LATERAL (SELECT round(t.potential * (1 - exp(-t.age / 2.5)) + 0.002 * t.potential * t.age)::bigint AS views) x
WHERE v.org_id = p.org;
COMMIT;

BEGIN;
INSERT INTO creator_snapshot (creator_id, captured_at, org_id, follower_count, following_count, likes_count, video_count,
                              is_baseline, baseline_reason, source)
SELECT c.id, s.slot, c.org_id, 10000 + abs(hashtext(c.id::text)) % 500000 + i * 37, 300, 100000 + i * 1000, 100 + i / 2,
       i = 0, CASE WHEN i = 0 THEN 'creator_added' END, 'backfill'
FROM creator c CROSS JOIN params p
CROSS JOIN LATERAL generate_series(0, p.days - 1) AS i
CROSS JOIN LATERAL (SELECT p.last_slot - ((p.days - 1 - i) || ' days')::interval AS slot) s
WHERE c.org_id = p.org;

-- latest counters on the rows, as the scraper keeps them
UPDATE video v SET view_count = s.view_count, like_count = s.like_count, comment_count = s.comment_count,
                   share_count = s.share_count, save_count = s.save_count, last_scraped_at = s.captured_at
FROM (SELECT DISTINCT ON (video_id) * FROM video_snapshot WHERE org_id = (SELECT org FROM params)
      ORDER BY video_id, captured_at DESC) s
WHERE v.id = s.video_id;
UPDATE creator c SET follower_count = s.follower_count, following_count = s.following_count, likes_count = s.likes_count,
                     video_count = s.video_count, last_scraped_at = s.captured_at, last_discovery_at = s.captured_at
FROM (SELECT DISTINCT ON (creator_id) * FROM creator_snapshot WHERE org_id = (SELECT org FROM params)
      ORDER BY creator_id, captured_at DESC) s
WHERE c.id = s.creator_id;

-- 20 campaigns of 10 creators and 20 direct videos each, each with a nested sub-campaign of 5 more creators
INSERT INTO campaign (id, org_id, project_id, name, target_views, created_at, updated_at)
SELECT md5(p.org || ':campaign:' || g)::uuid, p.org, md5(p.org || ':project:' || (1 + g % 10))::uuid, 'Bench campaign ' || g,
       CASE WHEN g <= 20 THEN 50000000 END, now(), now()
FROM params p, generate_series(1, 40) g;
INSERT INTO campaign_item (campaign_id, item_type, item_id, org_id, project_id, created_at)
SELECT md5(p.org || ':campaign:' || g)::uuid, 'creator', md5(p.org || ':creator:' || (g * 10 + k))::uuid, p.org,
       md5(p.org || ':project:' || (1 + g % 10))::uuid, now()
FROM params p, generate_series(1, 20) g, generate_series(0, 9) k;
INSERT INTO campaign_item (campaign_id, item_type, item_id, org_id, project_id, created_at)
SELECT md5(p.org || ':campaign:' || g)::uuid, 'video', md5(p.org || ':video:' || (500 + g * 10 + k) || ':1')::uuid, p.org,
       md5(p.org || ':project:' || (1 + g % 10))::uuid, now()
FROM params p, generate_series(1, 20) g, generate_series(0, 19) k;
INSERT INTO campaign_item (campaign_id, item_type, item_id, org_id, project_id, created_at)
SELECT md5(p.org || ':campaign:' || g)::uuid, 'campaign', md5(p.org || ':campaign:' || (g + 20))::uuid, p.org,
       md5(p.org || ':project:' || (1 + g % 10))::uuid, now()
FROM params p, generate_series(1, 20) g;
INSERT INTO campaign_item (campaign_id, item_type, item_id, org_id, project_id, created_at)
SELECT md5(p.org || ':campaign:' || (g + 20))::uuid, 'creator', md5(p.org || ':creator:' || (700 + g * 5 + k))::uuid, p.org,
       md5(p.org || ':project:' || (1 + g % 10))::uuid, now()
FROM params p, generate_series(1, 20) g, generate_series(0, 4) k;
UPDATE organization SET stats_version = stats_version + 1 WHERE id = (SELECT org FROM params);
COMMIT;

ANALYZE;
SELECT (SELECT count(*) FROM video WHERE org_id = (SELECT org FROM params)) AS videos,
       (SELECT count(*) FROM video_snapshot WHERE org_id = (SELECT org FROM params)) AS video_snapshots,
       (SELECT count(*) FROM creator_snapshot WHERE org_id = (SELECT org FROM params)) AS creator_snapshots;
