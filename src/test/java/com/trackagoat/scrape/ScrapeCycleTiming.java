package com.trackagoat.scrape;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Timing of full scrape cycles of one large organization on the test database; a measurement, not
 * a timed assertion (bench/README.md). Off unless asked for:
 * <pre>./mvnw -B -q test -Dtest=ScrapeCycleTiming -Dscrape.timing=true [-Dscrape.timing.creators=1000 -Dscrape.timing.videos-per-creator=50]</pre>
 * It prints, for slots one day apart: a full cycle (every creator and video due, discovery
 * included), a creators-only cycle and a videos-only cycle.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "scrape.timing", matches = "true")
class ScrapeCycleTiming extends ApiTest {

    static final Duration WAIT = Duration.ofMinutes(10);

    @Inject
    ScrapeService scraper;
    @Inject
    TrackagoatConfig config;

    @Test
    void fullCycles() {
        int creators = Integer.getInteger("scrape.timing.creators", 1000);
        int perCreator = Integer.getInteger("scrape.timing.videos-per-creator", 50);
        Instant slot = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(3)).plus(Duration.ofHours(12));
        UUID org = generate(creators, perCreator, slot.minus(Duration.ofDays(1)));

        long videos = fx.count("SELECT count(*) FROM video WHERE org_id = $1", org);
        System.out.printf("scrape timing: %d creators, %d videos, batch size %d%n", creators, videos, config.scrape().batchSize());
        measure("full cycle", slot, org);

        Instant next = slot.plus(Duration.ofDays(1));   // videos not due: creator snapshots and discovery only
        fx.sql("UPDATE video SET last_scraped_at = $2 WHERE org_id = $1", org, next.atOffset(ZoneOffset.UTC));
        measure("creators only", next, org);

        Instant third = next.plus(Duration.ofDays(1));  // creators not due: video snapshots only
        fx.sql("UPDATE creator SET last_scraped_at = $2, last_discovery_at = $2 WHERE org_id = $1", org, third.atOffset(ZoneOffset.UTC));
        measure("videos only", third, org);
    }

    private void measure(String what, Instant slot, UUID org) {
        long started = System.nanoTime();
        ScrapeService.Result r = scraper.runSlot(slot, org).await().atMost(WAIT);
        System.out.printf("scrape timing: %-14s %6d ms  (%d creator snapshots, %d video snapshots, %d videos discovered)%n",
                what, (System.nanoTime() - started) / 1_000_000, r.creatorSnapshots(), r.videoSnapshots(), r.videosDiscovered());
    }

    /** An ultra organization whose creators and videos all have one snapshot at {@code last}. */
    private UUID generate(int creators, int perCreator, Instant last) {
        UUID org = fx.org("ultra").id();
        var at = last.atOffset(ZoneOffset.UTC);
        fx.sql("""
                INSERT INTO project (id, org_id, name, created_at, updated_at)
                SELECT md5($1::text || ':project:' || g)::uuid, $1, 'Timing project ' || g, now(), now() FROM generate_series(1, 10) g""", org);
        fx.sql("""
                INSERT INTO creator (id, org_id, project_id, tiktok_handle, tracking_mode, tracking_start_date, status, created_at, updated_at,
                                     follower_count, following_count, likes_count, video_count, last_scraped_at, last_discovery_at)
                SELECT md5($1::text || ':creator:' || g)::uuid, $1, md5($1::text || ':project:' || (1 + g % 10))::uuid, 'timing.creator.' || g,
                       CASE WHEN g % 4 = 0 THEN 'selective' ELSE 'auto' END, ($3::timestamptz - interval '60 days')::date, 'active', now(), now(),
                       10000 + g, 300, 100000, 100, $3, $3
                FROM generate_series(1, $2) g""", org, creators, at);
        fx.sql("""
                INSERT INTO video (id, org_id, project_id, creator_id, tiktok_video_id, url, title, tracking_status, posted_at, created_at,
                                   updated_at, view_count, like_count, comment_count, share_count, save_count, last_scraped_at)
                SELECT md5($1::text || ':video:' || c || ':' || v)::uuid, $1, md5($1::text || ':project:' || (1 + c % 10))::uuid,
                       md5($1::text || ':creator:' || c)::uuid, (c * 1000 + v)::text,
                       'https://www.tiktok.com/@timing.creator.' || c || '/video/' || (c * 1000 + v), 'Timing video', 'auto_tracked',
                       $4::timestamptz - ((1 + (c * 7 + v * 13) % 1400) || ' hours')::interval, now(), now(), 10000, 800, 50, 30, 100, $4
                FROM generate_series(1, $2) c, generate_series(1, $3) v""", org, creators, perCreator, at);
        fx.sql("""
                INSERT INTO video_snapshot (video_id, captured_at, org_id, view_count, like_count, comment_count, share_count, save_count,
                                            is_baseline, baseline_reason, source)
                SELECT id, $2, org_id, view_count, like_count, comment_count, share_count, save_count, true, 'video_added', 'backfill'
                FROM video WHERE org_id = $1""", org, at);
        fx.sql("""
                INSERT INTO creator_snapshot (creator_id, captured_at, org_id, follower_count, following_count, likes_count, video_count,
                                              is_baseline, baseline_reason, source)
                SELECT id, $2, org_id, follower_count, following_count, likes_count, video_count, true, 'creator_added', 'backfill'
                FROM creator WHERE org_id = $1""", org, at);
        fx.sql("ANALYZE video");
        fx.sql("ANALYZE creator");
        return org;
    }
}
