package com.trackagoat.scrape;

import com.trackagoat.scrape.Simulation.VideoCounters;
import com.trackagoat.ops.ScrapeMetrics;
import com.trackagoat.support.UnreachableDatabase;
import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ScrapeServiceTest extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Instant SLOT = Instant.parse("2026-03-10T12:00:00Z");

    @Inject
    ScrapeService scraper;
    @Inject
    Clock clock;
    @Inject
    RetentionJob retention;
    @Inject
    Pool pool;
    @Inject
    Backfill backfill;
    @Inject
    Vertx vertx;

    UUID orgWithCreator(String tier, String mode, String trackingStart) {
        var org = fx.org(tier);
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "c" + UUID.randomUUID().toString().substring(0, 8), "active", mode);
        fx.sql("UPDATE creator SET tracking_start_date = $2 WHERE id = $1", c, LocalDate.parse(trackingStart));
        return org.id();
    }

    static final String IN_ORG = " JOIN rollup_zone z ON z.id = r.zone_id WHERE z.org_id = $1 ";

    /** Every snapshot, video, creator and rollup row of the organization, as comparable text. */
    List<String> dump(UUID org) {
        List<String> out = new ArrayList<>();
        for (String sql : new String[]{
                "SELECT video_id, captured_at, view_count, like_count, comment_count, share_count, save_count, is_baseline, baseline_reason, source FROM video_snapshot WHERE org_id = $1 ORDER BY 1, 2",
                "SELECT creator_id, captured_at, follower_count, following_count, likes_count, video_count, is_baseline, baseline_reason FROM creator_snapshot WHERE org_id = $1 ORDER BY 1, 2",
                "SELECT id, tiktok_video_id, url, title, tracking_status, posted_at, view_count, last_scraped_at FROM video WHERE org_id = $1 ORDER BY 1",
                "SELECT id, follower_count, video_count, last_scraped_at, last_discovery_at, status FROM creator WHERE org_id = $1 ORDER BY 1",
                // the daily rollups (docs/decisions.md, "Stats rollups"), zone ids left out
                "SELECT video_id, r.creator_id, counted, day0, first_day, first_zero FROM video_rollup r" + IN_ORG + "ORDER BY 1",
                "SELECT video_id, day, views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves FROM video_day r" + IN_ORG + "ORDER BY 1, 2",
                "SELECT creator_id FROM creator_rollup r" + IN_ORG + "ORDER BY 1",
                "SELECT creator_id, day, views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves, g_count, "
                        + "followers, following, likes_count, video_count, own_snapshot, og_followers, og_following, og_likes, og_videos "
                        + "FROM creator_day r" + IN_ORG + "ORDER BY 1, 2",
                "SELECT owner_id, day_number, gain_sum, sample_size FROM velocity_sum r" + IN_ORG
                        + "AND (gain_sum <> 0 OR sample_size <> 0) ORDER BY 1, 2"}) {
            for (Row r : pool.preparedQuery(sql).execute(Tuple.of(org)).await().atMost(WAIT)) {
                out.add(r.toJson().encode());
            }
        }
        return out;
    }

    @Test
    void aSlotIsDeterministicAndRunningItAgainWritesNothing() {
        UUID org = orgWithCreator("starter", "auto", "2026-02-08");
        ScrapeService.Result first = scraper.runSlot(SLOT, org).await().atMost(WAIT);
        assertEquals(1, first.creatorSnapshots());
        assertTrue(first.videosDiscovered() > 0, "30 days at 0.3–1.2 posts a day: Poisson with a mean of at least 9");
        List<String> afterFirst = dump(org);
        ScrapeService.Result again = scraper.runSlot(SLOT, org).await().atMost(WAIT);
        assertEquals(new ScrapeService.Result(0, 0, 0), again);
        assertEquals(afterFirst, dump(org));

        // the same creator in a fresh organization, same slot: the same numbers
        long baselines = fx.count("SELECT count(*) FROM video_snapshot WHERE org_id = $1 AND is_baseline AND baseline_reason = 'video_added'", org);
        assertEquals(first.videosDiscovered(), baselines);
        assertEquals(1, fx.count("SELECT count(*) FROM creator_snapshot WHERE org_id = $1 AND baseline_reason = 'creator_added'", org));
    }

    /** A creator row with only some profile counters (written by hand) is scraped as one without any. */
    @Test
    void aCreatorWithPartialCountersDoesNotFailTheCycle() {
        UUID org = orgWithCreator("starter", "selective", "2026-02-08");
        fx.sql("UPDATE creator SET follower_count = 10, following_count = NULL, likes_count = NULL, video_count = NULL WHERE org_id = $1", org);
        ScrapeService.Result result = scraper.runSlot(SLOT, org).await().atMost(WAIT);
        assertEquals(1, result.creatorSnapshots());
        assertEquals(1, fx.count("SELECT count(*) FROM creator WHERE org_id = $1 AND following_count IS NOT NULL", org));
    }

    @Test
    void floorsDecideWhatIsDue() {
        UUID org = orgWithCreator("starter", "auto", "2026-03-01");
        scraper.runSlot(SLOT, org).await().atMost(WAIT);
        ScrapeService.Result early = scraper.runSlot(SLOT.plus(Duration.ofHours(23)), org).await().atMost(WAIT);
        assertEquals(new ScrapeService.Result(0, 0, 0), early, "starter floors are 24 h");
        ScrapeService.Result due = scraper.runSlot(SLOT.plus(Duration.ofHours(24)), org).await().atMost(WAIT);
        assertEquals(1, due.creatorSnapshots());
        long videos = fx.count("SELECT count(*) FROM video WHERE org_id = $1", org);
        assertEquals(videos - due.videosDiscovered(), due.videoSnapshots(), "every earlier video got its next snapshot");
        assertEquals(videos, fx.count("SELECT count(*) FROM video_snapshot WHERE org_id = $1 AND captured_at = $2", org,
                SLOT.plus(Duration.ofHours(24)).atOffset(java.time.ZoneOffset.UTC)), "and new ones their baseline");
        // later snapshots are not baselines, and counters never decrease
        assertEquals(0, fx.count("""
                SELECT count(*) FROM video_snapshot a JOIN video_snapshot b ON a.video_id = b.video_id AND b.captured_at > a.captured_at
                WHERE a.org_id = $1 AND (b.view_count < a.view_count OR b.like_count < a.like_count OR b.is_baseline)""", org));
    }

    @Test
    void discoveryFollowsTheTrackingMode() {
        UUID auto = orgWithCreator("starter", "auto", "2026-02-01");
        UUID selective = orgWithCreator("starter", "selective", "2026-02-01");
        scraper.runSlot(SLOT, auto).await().atMost(WAIT);
        scraper.runSlot(SLOT, selective).await().atMost(WAIT);
        assertTrue(fx.count("SELECT count(*) FROM video WHERE org_id = $1", auto) > 0);
        assertEquals(0, fx.count("SELECT count(*) FROM video WHERE org_id = $1 AND tracking_status <> 'auto_tracked'", auto));
        assertTrue(fx.count("SELECT count(*) FROM video WHERE org_id = $1", selective) > 0);
        assertEquals(0, fx.count("SELECT count(*) FROM video WHERE org_id = $1 AND tracking_status <> 'pending_review'", selective));
        // posts lie in the window (at most 30 days back), between 10:00 and 22:00 UTC, not after the slot
        assertEquals(0, fx.count("""
                SELECT count(*) FROM video WHERE org_id = $1 AND (posted_at > $2 OR posted_at < $2 - interval '30 days'
                  OR extract(hour FROM posted_at AT TIME ZONE 'UTC') < 10 OR (posted_at AT TIME ZONE 'UTC')::time > '22:00')""",
                auto, SLOT.atOffset(java.time.ZoneOffset.UTC)));
        assertEquals(0, fx.count("SELECT count(*) FROM video WHERE org_id = $1 AND url <> 'https://www.tiktok.com/@' || "
                + "(SELECT tiktok_handle FROM creator WHERE id = video.creator_id) || '/video/' || tiktok_video_id", auto));
    }

    @Test
    void trackingResumedBaselinesAndSkippedEntities() {
        var org = fx.org("ultra");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "resumer", "active");
        var disabled = fx.creator(org.id(), p, "banned.one", "active");      // banned handle in the test profile
        var v = fx.video(org.id(), p, null, "direct_add");
        var off = fx.video(org.id(), p, null, "direct_add");
        fx.sql("UPDATE video SET tracking_disabled = true WHERE id = $1", off);
        var excluded = fx.video(org.id(), p, c, "excluded");
        scraper.runSlot(SLOT, org.id()).await().atMost(WAIT);
        assertEquals("disabled", fx.count("SELECT count(*) FROM creator WHERE id = $1 AND status = 'disabled'", disabled) == 1 ? "disabled" : "active");
        assertEquals(0, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1", disabled));
        assertEquals(0, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = ANY($1)", (Object) new UUID[]{off, excluded}));
        fx.sql("UPDATE video SET resume_baseline = true WHERE id = $1", v);
        fx.sql("UPDATE creator SET resume_baseline = true WHERE id = $1", c);
        scraper.runSlot(SLOT.plus(Duration.ofHours(12)), org.id()).await().atMost(WAIT);   // ultra floors: 6 h videos, 12 h profiles
        assertEquals(1, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND baseline_reason = 'tracking_resumed'", v));
        assertEquals(1, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1 AND baseline_reason = 'tracking_resumed'", c));
        assertEquals(0, fx.count("SELECT count(*) FROM video WHERE id = $1 AND resume_baseline", v));
    }

    @Test
    void bannedOrganizationsAreSkipped() {
        UUID org = orgWithCreator("starter", "auto", "2026-03-01");
        fx.sql("UPDATE organization SET banned = true WHERE id = $1", org);
        assertEquals(new ScrapeService.Result(0, 0, 0), scraper.runSlot(SLOT, org).await().atMost(WAIT));
    }

    @Test
    void twoInstancesOnOneSlotWriteExactlyWhatOneWouldRollupsIncluded() {
        UUID org = orgWithCreator("ultra", "auto", "2026-02-15");
        var p = fx.project(org, "More");
        for (int i = 0; i < 40; i++) {
            fx.creator(org, p, "more" + i, "active", i % 3 == 0 ? "selective" : "auto");
        }
        // two claimers at once, with small batches so that they interleave: first the slot that adds
        // the creators and discovers their videos, then one 6 h later where the videos are due (ultra)
        Instant later = SLOT.plus(Duration.ofHours(6));
        var results = Uni.join().all(scraper.runSlot(SLOT, org, 3), scraper.runSlot(SLOT, org, 3)).andFailFast().await().atMost(WAIT);
        assertEquals(41, results.get(0).creatorSnapshots() + results.get(1).creatorSnapshots());
        assertEquals(41, fx.count("SELECT count(*) FROM creator_snapshot WHERE org_id = $1", org));
        long discovered = results.get(0).videosDiscovered() + results.get(1).videosDiscovered();
        assertEquals(discovered, fx.count("SELECT count(*) FROM video WHERE org_id = $1", org));
        var next = Uni.join().all(scraper.runSlot(later, org, 7), scraper.runSlot(later, org, 7)).andFailFast().await().atMost(WAIT);
        assertEquals(discovered, next.get(0).videoSnapshots() + next.get(1).videoSnapshots(), "each earlier video snapshotted once");
        List<String> concurrent = dump(org);

        // back to the state before the slot, then one claimer alone
        fx.sql("DELETE FROM video_snapshot WHERE org_id = $1", org);
        fx.sql("DELETE FROM creator_snapshot WHERE org_id = $1", org);
        fx.sql("DELETE FROM video WHERE org_id = $1", org);
        fx.sql("DELETE FROM creator_rollup WHERE zone_id IN (SELECT id FROM rollup_zone WHERE org_id = $1)", org);
        fx.sql("DELETE FROM creator_day WHERE zone_id IN (SELECT id FROM rollup_zone WHERE org_id = $1)", org);
        fx.sql("DELETE FROM velocity_sum WHERE zone_id IN (SELECT id FROM rollup_zone WHERE org_id = $1)", org);
        fx.sql("DELETE FROM video_day WHERE zone_id IN (SELECT id FROM rollup_zone WHERE org_id = $1)", org);
        fx.sql("UPDATE creator SET follower_count = NULL, following_count = NULL, likes_count = NULL, video_count = NULL, "
                + "last_scraped_at = NULL, last_discovery_at = NULL WHERE org_id = $1", org);
        scraper.runSlot(SLOT, org).await().atMost(WAIT);
        scraper.runSlot(later, org).await().atMost(WAIT);
        assertEquals(concurrent, dump(org));
        assertEquals(new ScrapeService.Result(0, 0, 0), scraper.runSlot(later, org).await().atMost(WAIT));
    }

    @Test
    void backfillWritesHistoryThroughTheSimulationAndTheJobContinuesIt() {
        UUID org = fx.org("starter").id();
        var p = fx.project(org, "P");
        var c = fx.creator(org, p, "c" + UUID.randomUUID().toString().substring(0, 8), "active");
        var old = fx.video(org, p, c, "auto_tracked");
        fx.postedAt(old, "2026-03-01T15:00:00Z");
        var fresh = fx.video(org, p, c, "auto_tracked");
        fx.postedAt(fresh, "2026-03-07T11:00:00Z");
        var excluded = fx.video(org, p, c, "excluded");
        fx.postedAt(excluded, "2026-03-01T15:00:00Z");
        var direct = fx.video(org, p, null, "direct_add");
        fx.postedAt(direct, "2026-02-20T10:00:00Z");

        // five days ending 2026-03-10, at 11:00: that day's 12:00 slot is still in the future
        backfill.ensureHistory(org, 5, Instant.parse("2026-03-10T11:00:00Z")).await().atMost(WAIT);
        Instant first = Instant.parse("2026-03-06T12:00:00Z");
        Instant last = Instant.parse("2026-03-09T12:00:00Z");
        assertEquals(4, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1 AND source = 'backfill'", c));
        assertEquals(4, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND source = 'backfill'", old));
        assertEquals(3, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1", fresh), "posted before the 7th's slot");
        assertEquals(4, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1", direct));
        assertEquals(0, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1", excluded));
        // the first snapshot of each entity is its baseline, and only that one
        assertEquals(0, fx.count("""
                SELECT count(*) FROM (SELECT captured_at, is_baseline, baseline_reason,
                                             min(captured_at) OVER (PARTITION BY video_id) AS first FROM video_snapshot WHERE org_id = $1
                                      UNION ALL
                                      SELECT captured_at, is_baseline, baseline_reason,
                                             min(captured_at) OVER (PARTITION BY creator_id) FROM creator_snapshot WHERE org_id = $1) s
                WHERE is_baseline <> (captured_at = first)
                   OR (is_baseline AND baseline_reason NOT IN ('video_added', 'creator_added'))""", org));
        assertEquals(1, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND captured_at = $2 AND baseline_reason = 'video_added'",
                fresh, utc(Instant.parse("2026-03-07T12:00:00Z"))));
        // the scheduler's functions, chained from snapshot to snapshot
        Instant posted = Instant.parse("2026-03-01T15:00:00Z");
        VideoCounters k = Simulation.firstVideo(old, first, posted);
        for (Instant at = first.plus(Duration.ofDays(1)); !at.isAfter(last); at = at.plus(Duration.ofDays(1))) {
            k = Simulation.nextVideo(old, at, posted, at.minus(Duration.ofDays(1)), k);
        }
        assertEquals(k.views(), fx.count("SELECT view_count FROM video_snapshot WHERE video_id = $1 AND captured_at = $2", old, utc(last)));
        // latest counters on the rows, and discovery continues from the last backfilled slot
        assertEquals(k.views(), fx.count("SELECT view_count FROM video WHERE id = $1 AND last_scraped_at = $2", old, utc(last)));
        assertEquals(1, fx.count("""
                SELECT count(*) FROM creator c JOIN creator_snapshot s ON s.creator_id = c.id AND s.captured_at = c.last_scraped_at
                WHERE c.id = $1 AND c.last_scraped_at = $2 AND c.last_discovery_at = $2 AND c.follower_count = s.follower_count
                  AND c.video_count = s.video_count""", c, utc(last)));
        assertEquals(4, fx.count("SELECT count(*) FROM video WHERE org_id = $1", org), "no discovery during the backfill");

        // again: nothing (the organization has history)
        backfill.ensureHistory(org, 5, Instant.parse("2026-03-10T13:00:00Z")).await().atMost(WAIT);
        assertEquals(4, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1", c));

        // the live job's next daily slot: plain snapshots, posts discovered only after the last backfilled slot
        Instant live = last.plus(Duration.ofDays(1));
        ScrapeService.Result r = scraper.runSlot(live, org).await().atMost(WAIT);
        assertEquals(1, r.creatorSnapshots());
        assertEquals(3, r.videoSnapshots(), "the three known videos");
        assertEquals(r.videosDiscovered(), fx.count("SELECT count(*) FROM video_snapshot WHERE org_id = $1 AND captured_at = $2 "
                + "AND baseline_reason = 'video_added'", org, utc(live)), "and the baselines of new ones");
        assertEquals(0, fx.count("SELECT count(*) FROM video_snapshot WHERE captured_at = $1 AND is_baseline AND video_id = ANY($2)",
                utc(live), new UUID[]{old, fresh, direct}));
        assertEquals(0, fx.count("SELECT count(*) FROM video WHERE org_id = $1 AND id <> ALL($2) AND NOT (posted_at > $3 AND posted_at <= $4)",
                org, new UUID[]{old, fresh, excluded, direct}, utc(last), utc(live)));
        assertEquals(r.videosDiscovered(), fx.count("SELECT count(*) FROM video WHERE org_id = $1", org) - 4);
    }

    @Test
    void anUnreachableDatabaseSkipsTheRunWithoutFailing() throws Exception {
        Pool unreachable = UnreachableDatabase.pool(vertx);
        try {
            ScrapeService offline = scraper.on(unreachable, ScrapeMetrics.none(clock));
            assertNull(offline.runScheduled(SLOT).await().atMost(WAIT), "logged and skipped, nothing thrown");
        } finally {
            unreachable.closeAndAwait();
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    @Test
    void retentionKeepsTheLatestSnapshot() {
        var org = fx.org("free");   // 30 days
        var p = fx.project(org.id(), "P");
        var v = fx.video(org.id(), p, null, "direct_add");
        fx.videoSnapshot(org.id(), v, "2026-01-01T12:00:00Z", 1, 0, 0, 0, 0, "video_added");
        fx.videoSnapshot(org.id(), v, "2026-01-02T12:00:00Z", 2, 0, 0, 0, 0, null);
        fx.videoSnapshot(org.id(), v, "2026-03-01T12:00:00Z", 3, 0, 0, 0, 0, null);
        fx.sql("UPDATE video SET last_scraped_at = '2026-01-02T12:00:00Z' WHERE id = $1", v);
        retention.prune(Instant.parse("2026-03-05T00:00:00Z")).await().atMost(WAIT);
        assertEquals(2, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1", v), "the latest (per last_scraped_at) and the recent one stay");
    }
}
