package com.trackagoat.stats;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.RandomHistory;
import com.trackagoat.support.RandomHistory.History;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Proof of equality of the daily rollups (docs/decisions.md, "Stats rollups"): for random
 * histories, written the way the application writes them (each snapshot in its own transaction,
 * in random order, then review decisions, disabled tracking, deletions, creator removals and
 * retention pruning), every stats answer read from the rollups equals the answer computed by the
 * {@code stats.calc} functions from the raw snapshots (the path taken when an organization has no
 * ready rollups in the zone), and the incrementally maintained rollups equal a rebuild from the
 * snapshots.
 * <p>
 * A property test over seeded random cases (the seed of a failing case is in the message). Zones:
 * UTC, DST (America/New_York, Europe/Berlin), half-hour offsets (Asia/Kolkata, Asia/Kathmandu
 * at +05:45) and half-hour DST (Australia/Lord_Howe); the histories span the March and April DST
 * changes. More cases: {@code ./mvnw test -Dtest=RollupEqualityTest -Drollup.seed.from=13 -Drollup.seed.to=500}.
 */
@QuarkusTest
class RollupEqualityTest extends ApiTest {

    static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu",
            "Australia/Lord_Howe");
    static final String RANGE = "from=2026-02-27&to=2026-04-12";
    static final List<String> METRICS = List.of("engagement_rate_by_views", "engagement_rate_by_followers", "posts_per_week",
            "avg_views_per_post");

    @Inject
    RollupBuildJob build;
    @Inject
    RollupService rollups;

    @Test
    void rollupAnswersEqualTheSnapshotAnswers() {
        for (long seed = Long.getLong("rollup.seed.from", 1); seed <= Long.getLong("rollup.seed.to", 12); seed++) {
            History h = new RandomHistory(fx, rollups).generate(new Random(seed), ZONES.get((int) (seed % ZONES.size())));
            String context = "seed " + seed + " in " + h.tz();
            assertAnswersEqual(h, context);
            assertSameRows(tables(h.org().id()), rebuilt(h), "incremental rollups equal a rebuild, " + context);
        }
    }

    /** Equal lists of rows; the message names only the rows that differ. */
    static void assertSameRows(List<String> expected, List<String> actual, String context) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        assertEquals(expected, actual, context + ": only in the first " + missing + ", only in the second " + extra);
    }

    // ------------------------------------------------------------------------------ the answers

    /** Every stats answer of the history, read from the rollups, then with the zone not ready (from the snapshots). */
    void assertAnswersEqual(History h, String context) {
        List<String> paths = paths(h);
        List<String> fromRollups = answers(h, paths);
        fx.sql("UPDATE rollup_zone SET state = 'building' WHERE org_id = $1", h.org().id());
        List<String> fromSnapshots = answers(h, paths);
        fx.sql("UPDATE rollup_zone SET state = 'ready' WHERE org_id = $1", h.org().id());
        for (int i = 0; i < paths.size(); i++) {
            assertEquals(fromSnapshots.get(i), fromRollups.get(i), paths.get(i) + ", " + context);
        }
    }

    private List<String> paths(History h) {
        List<String> paths = new ArrayList<>();
        List<String> ranges = List.of(RANGE, "from=2026-03-10&to=2026-03-31", "from=2026-04-01&to=2026-04-12");
        for (String v : fx.rows("SELECT v.id::text FROM video v JOIN creator c ON c.id = v.creator_id WHERE v.org_id = $1 "   // visible videos
                + "AND v.deleted_at IS NULL AND v.tracking_status <> 'excluded' AND c.status <> 'removed' UNION ALL "
                + "SELECT id::text FROM video WHERE org_id = $1 AND creator_id IS NULL AND deleted_at IS NULL AND tracking_status <> 'excluded'", h.org().id())) {
            ranges.forEach(q -> paths.add("/api/v1/videos/" + v + "/stats?cohort=1&" + q));
        }
        List<String> owners = new ArrayList<>();
        List<String> creators = fx.rows("SELECT id::text FROM creator WHERE org_id = $1 AND status <> 'removed'", h.org().id());
        creators.forEach(c -> owners.add("/api/v1/creators/" + c + "/stats?"));
        owners.add("/api/v1/campaigns/" + h.campaign() + "/stats?");
        for (String owner : owners) {
            ranges.forEach(q -> paths.add(owner + q));
            METRICS.forEach(m -> paths.add(owner + "metric=" + m + "&" + RANGE));
            List.of("views", "likes", "saves").forEach(b -> ranges.forEach(q -> paths.add(owner + "metric=growth_rate_pop&base_metric=" + b + "&" + q)));
        }
        creators.forEach(c -> List.of("followers", "videos").forEach(
                b -> paths.add("/api/v1/creators/" + c + "/stats?metric=growth_rate_pop&base_metric=" + b + "&" + RANGE)));
        return paths;
    }

    /**
     * The bodies; the organization's stats version moves first, so no answer comes from a cache,
     * and every 50 requests take a new key (the per-key rate limit is 60 a minute).
     */
    private List<String> answers(History h, List<String> paths) {
        fx.sql("UPDATE organization SET stats_version = stats_version + 1 WHERE id = $1", h.org().id());
        String[] key = {null};
        int[] n = {0};
        return paths.stream().map(path -> {
            if (n[0]++ % 50 == 0) {
                key[0] = fx.newKey(h.org().id(), "read");
            }
            var response = as(key[0]).get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.asString());
            return response.asString();
        }).toList();
    }

    // ------------------------------------------------------------------------------- the tables

    /** The organization's rollup rows in its ready zone, zone ids left out, in a stable order. */
    private List<String> tables(UUID orgId) {
        String zone = "(SELECT id FROM rollup_zone WHERE org_id = $1 AND state = 'ready')";
        List<String> rows = new ArrayList<>();
        for (String sql : List.of(
                "SELECT video_id, creator_id, counted, day0, first_day, first_zero FROM video_rollup WHERE zone_id = " + zone,
                "SELECT video_id, day, views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves FROM video_day WHERE zone_id = " + zone,
                "SELECT creator_id FROM creator_rollup WHERE zone_id = " + zone,
                "SELECT * FROM creator_day WHERE zone_id = " + zone,
                "SELECT owner_id, day_number, gain_sum, sample_size FROM velocity_sum WHERE zone_id = " + zone + " AND (gain_sum <> 0 OR sample_size <> 0)")) {
            rows.addAll(fx.rows("SELECT t::text FROM (" + sql + ") t", orgId).stream().map(s -> s.replaceFirst("^\\(\\d+,", "(")).sorted().toList());
        }
        return rows;
    }

    /** The rows after a rebuild of the organization's rollups from its snapshots (the rebuild path). */
    private List<String> rebuilt(History h) {
        fx.inTransaction(tx -> rollups.rebuild(tx, h.org().id(), h.tz()));
        build.buildAll().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1", h.org().id()), "the rebuilt zone replaced the old one");
        return tables(h.org().id());
    }
}
