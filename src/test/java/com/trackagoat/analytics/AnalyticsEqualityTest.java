package com.trackagoat.analytics;

import com.trackagoat.stats.RollupService;
import com.trackagoat.stats.calc.Rates;
import com.trackagoat.support.ApiTest;
import com.trackagoat.support.RandomHistory;
import com.trackagoat.support.RandomHistory.History;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The analytics answers against the stats answers (docs/reference/analytics.md §1), over random
 * histories (support.RandomHistory) in zones with DST and half-hour offsets:
 * <ul>
 * <li>day buckets of one entity equal the entity's {@code /stats} values, day by day (counters
 * carried and gained, posts, followers, every derived metric);</li>
 * <li>week and month buckets equal the sums (new) or last-day values (cumulative) of the day
 * buckets, rates recomputed from the summed parts;</li>
 * <li>a project equals a campaign holding exactly its creators and its videos without a creator.</li>
 * </ul>
 */
@QuarkusTest
class AnalyticsEqualityTest extends ApiTest {

    static final List<String> ZONES = List.of("America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "UTC");
    static final String FROM = "2026-02-27";
    static final String TO = "2026-04-12";
    static final List<String> COUNTERS = List.of("views", "likes", "comments", "shares", "saves");
    static final List<String> RATES = List.of("engagement_rate_by_views", "engagement_rate_by_followers", "posts_per_week", "avg_views_per_post");

    @Inject
    RollupService rollups;

    private String key;
    private int calls;

    @Test
    void analyticsEqualTheStatsAndTheirOwnDayBuckets() {
        for (long seed = 1; seed <= 4; seed++) {
            History h = new RandomHistory(fx, rollups).generate(new Random(seed), ZONES.get((int) (seed % ZONES.size())));
            key = null;
            String context = "seed " + seed + " in " + h.tz();
            List<String> creators = fx.rows("SELECT id::text FROM creator WHERE org_id = $1 AND status <> 'removed' ORDER BY id", h.org().id());
            for (String c : creators) {
                dayEqualsStats(h, "creator", c, context);
                bucketsFollowDays(h, "creator", c, context);
            }
            dayEqualsStats(h, "campaign", h.campaign().toString(), context);
            bucketsFollowDays(h, "campaign", h.campaign().toString(), context);
            for (String v : fx.rows("SELECT v.id::text FROM video v LEFT JOIN creator c ON c.id = v.creator_id WHERE v.org_id = $1 "
                    + "AND v.deleted_at IS NULL AND v.tracking_status <> 'excluded' AND (c.id IS NULL OR c.status <> 'removed')", h.org().id())) {
                dayEqualsStats(h, "video", v, context);
            }
            projectEqualsItsCampaign(h, creators, context);
        }
    }

    // ------------------------------------------------------------------------------- day = stats

    void dayEqualsStats(History h, String entity, String id, String context) {
        String where = context + ", " + entity + " " + id;
        JsonPath stats = get(h, "/api/v1/" + entity + "s/" + id + "/stats?from=" + FROM + "&to=" + TO);
        Map<String, Map<String, Object>> history = new HashMap<>();
        for (Map<String, Object> day : stats.<Map<String, Object>>getList("data.history")) {
            history.put((String) day.get("date"), day);
        }
        List<String> metrics = new ArrayList<>(COUNTERS);
        if (!entity.equals("video")) {
            metrics.add("posts");
        }
        for (String metric : metrics) {
            for (String mode : entity.equals("video") ? List.of("cumulative") : List.of("new", "cumulative")) {
                List<Map<String, Object>> points = points(h, entity, id, metric, mode, "day", "");
                for (Map<String, Object> p : points) {
                    Map<String, Object> day = history.get((String) p.get("bucket_start"));
                    if (day == null) {   // before first_data_date: no carried value, no gain
                        if (!metric.equals("posts")) {
                            assertNull(p.get("value"), where + " " + metric + " " + mode + " " + p);
                        }
                        continue;
                    }
                    String field = metric.equals("posts") ? (mode.equals("new") ? "posts" : null)
                            : mode.equals("new") ? metric + "_gained"
                            : entity.equals("video") ? metric.substring(0, metric.length() - 1) + "_count" : metric;   // views → view_count
                    if (field != null) {
                        assertEquals(number(day.get(field)), number(p.get("value")), where + " " + metric + " " + mode + " on " + p.get("bucket_start"));
                    }
                }
            }
        }
        if (entity.equals("creator")) {
            for (Map<String, Object> p : points(h, entity, id, "followers", "cumulative", "day", "")) {
                Map<String, Object> day = history.get((String) p.get("bucket_start"));
                if (day != null) {
                    assertEquals(number(day.get("follower_count")), number(p.get("value")), where + " followers on " + p.get("bucket_start"));
                }
            }
        }
        List<String> derived = new ArrayList<>(entity.equals("video") ? List.of("engagement_rate_by_views") : RATES);
        for (String metric : derived) {
            derivedEqual(h, entity, id, metric, "", where);
        }
        List<String> bases = new ArrayList<>(COUNTERS);
        if (entity.equals("creator")) {
            bases.addAll(List.of("followers", "videos"));
        }
        for (String base : bases) {
            derivedEqual(h, entity, id, "growth_rate_pop", "&base_metric=" + base, where);
        }
    }

    private void derivedEqual(History h, String entity, String id, String metric, String extra, String where) {
        List<Map<String, Object>> expected = get(h, "/api/v1/" + entity + "s/" + id + "/stats?metric=" + metric + extra + "&from=" + FROM + "&to=" + TO)
                .getList("data.series[0].points");
        List<Map<String, Object>> actual = points(h, entity, id, metric, "rate", "day", extra);
        assertEquals(expected.size(), actual.size(), where + " " + metric);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).get("bucket_start"), actual.get(i).get("bucket_start"));
            assertEquals(number(expected.get(i).get("value")), number(actual.get(i).get("value")),
                    where + " " + metric + extra + " on " + expected.get(i).get("bucket_start"));
        }
    }

    // ------------------------------------------------------------------ weeks and months = days

    void bucketsFollowDays(History h, String entity, String id, String context) {
        Map<String, List<Map<String, Object>>> day = new HashMap<>();
        for (String metric : List.of("views", "likes", "comments", "shares", "saves", "posts", "followers")) {
            for (String mode : List.of("new", "cumulative")) {
                day.put(metric + "|" + mode, points(h, entity, id, metric, mode, "day", ""));
            }
        }
        for (String granularity : List.of("week", "month")) {
            List<Map<String, Object>> shape = points(h, entity, id, "views", "new", granularity, "");
            List<int[]> spans = spans(shape);
            for (String metric : List.of("views", "saves", "posts", "followers")) {
                for (String mode : List.of("new", "cumulative")) {
                    List<Map<String, Object>> actual = points(h, entity, id, metric, mode, granularity, "");
                    List<Map<String, Object>> days = day.get(metric + "|" + mode);
                    for (int b = 0; b < spans.size(); b++) {
                        Object expected = mode.equals("new") ? sum(days, spans.get(b)) : days.get(spans.get(b)[1]).get("value");
                        assertEquals(number(expected), number(actual.get(b).get("value")),
                                context + " " + entity + " " + metric + " " + mode + " " + granularity + " " + actual.get(b));
                    }
                }
            }
            for (String metric : RATES) {
                List<Map<String, Object>> actual = points(h, entity, id, metric, "rate", granularity, "");
                for (int b = 0; b < spans.size(); b++) {
                    assertEquals(rate(metric, day, spans.get(b)), number(actual.get(b).get("value")),
                            context + " " + entity + " " + metric + " " + granularity + " " + actual.get(b));
                }
            }
            List<Map<String, Object>> growth = points(h, entity, id, "growth_rate_pop", "rate", granularity, "&base_metric=views");
            assertNull(growth.get(0).get("value"), "the first bucket has no growth");
            for (int b = 1; b < spans.size(); b++) {
                Long gain = sum(day.get("views|new"), spans.get(b));
                Object before = day.get("views|cumulative").get(spans.get(b - 1)[1]).get("value");
                Double expected = gain == null ? null : Rates.percent(gain, before == null ? 0 : number(before).longValue());
                assertEquals(expected, number(growth.get(b).get("value")), context + " growth " + granularity + " " + growth.get(b));
            }
        }
    }

    /** The day indexes [first, last] of each bucket, from the buckets' start dates. */
    private static List<int[]> spans(List<Map<String, Object>> buckets) {
        LocalDate from = LocalDate.parse(FROM);
        List<int[]> spans = new ArrayList<>();
        for (int b = 0; b < buckets.size(); b++) {
            int first = (int) (LocalDate.parse((String) buckets.get(b).get("bucket_start")).toEpochDay() - from.toEpochDay());
            int last = b + 1 < buckets.size()
                    ? (int) (LocalDate.parse((String) buckets.get(b + 1).get("bucket_start")).toEpochDay() - from.toEpochDay()) - 1
                    : (int) (LocalDate.parse(TO).toEpochDay() - from.toEpochDay());
            spans.add(new int[]{first, last});
        }
        return spans;
    }

    private static Long sum(List<Map<String, Object>> days, int[] span) {
        Long sum = null;
        for (int i = span[0]; i <= span[1]; i++) {
            Object v = days.get(i).get("value");
            if (v != null) {
                sum = (sum == null ? 0 : sum) + ((Number) v).longValue();
            }
        }
        return sum;
    }

    /** A rate of a bucket recomputed from the day buckets' parts. */
    private static Double rate(String metric, Map<String, List<Map<String, Object>>> day, int[] span) {
        Long views = sum(day.get("views|new"), span);
        long engagement = 0;
        for (String k : List.of("likes", "comments", "shares", "saves")) {
            Long part = sum(day.get(k + "|new"), span);
            engagement += part == null ? 0 : part;
        }
        Object followers = day.get("followers|cumulative").get(span[1]).get("value");
        long posted = number(day.get("posts|cumulative").get(span[1]).get("value")).longValue();
        long posts = sum(day.get("posts|new"), span);
        return switch (metric) {
            case "engagement_rate_by_views" -> views == null ? null : Rates.percent(engagement, views);
            case "engagement_rate_by_followers" -> views == null || followers == null ? null : Rates.percent(engagement, ((Number) followers).longValue());
            case "posts_per_week" -> Rates.ratio(posts * 7, span[1] - span[0] + 1, 2);
            case "avg_views_per_post" -> views == null ? null : Rates.ratio(views, posted, 2);
            default -> throw new IllegalArgumentException(metric);
        };
    }

    // -------------------------------------------------------------------- project = its campaign

    void projectEqualsItsCampaign(History h, List<String> creators, String context) {
        UUID mirror = fx.campaign(h.org().id(), h.project(), "Everything");
        creators.forEach(c -> fx.campaignItem(h.org().id(), h.project(), mirror, "creator", UUID.fromString(c)));
        fx.rows("SELECT id::text FROM video WHERE org_id = $1 AND creator_id IS NULL", h.org().id())
                .forEach(v -> fx.campaignItem(h.org().id(), h.project(), mirror, "video", UUID.fromString(v)));
        for (String granularity : List.of("day", "week", "month")) {
            for (String[] m : new String[][]{{"views", "new"}, {"likes", "cumulative"}, {"posts", "new"}, {"posts", "cumulative"},
                    {"followers", "new"}, {"followers", "cumulative"}, {"engagement_rate_by_followers", "rate"}, {"avg_views_per_post", "rate"}}) {
                List<Object> project = values(points(h, "project", h.project().toString(), m[0], m[1], granularity, ""));
                List<Object> campaign = values(points(h, "campaign", mirror.toString(), m[0], m[1], granularity, ""));
                assertEquals(campaign, project, context + " project " + m[0] + " " + m[1] + " " + granularity);
            }
        }
    }

    private static List<Object> values(List<Map<String, Object>> points) {
        return points.stream().map(p -> (Object) number(p.get("value"))).toList();
    }

    // ---------------------------------------------------------------------------------- helpers

    private List<Map<String, Object>> points(History h, String entity, String id, String metric, String mode, String granularity, String extra) {
        JsonPath answer = get(h, "/api/v1/analytics?entity=" + entity + "&entity_id=" + id + "&metric=" + metric + "&mode=" + mode
                + "&granularity=" + granularity + "&from=" + FROM + "&to=" + TO + extra);
        return answer.getList("data.series[0].points");
    }

    /** A GET with a key of the history's organization; a new key every 50 calls (the per-key rate limit is 60 a minute). */
    private JsonPath get(History h, String path) {
        if (key == null || calls++ % 50 == 0) {
            key = fx.newKey(h.org().id(), "read");
        }
        var response = as(key).get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.asString());
        return response.jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Numbers compared by value (JSON integers and decimals), null kept. */
    private static Number number(Object o) {
        if (o == null) {
            return null;
        }
        Number n = (Number) o;
        return n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal ? (Number) n.doubleValue() : (Number) n.longValue();
    }
}
