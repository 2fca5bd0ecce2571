package com.trackagoat.analytics;

import com.trackagoat.analytics.AnalyticsResponses.AnalyticsData;
import com.trackagoat.analytics.AnalyticsResponses.AnalyticsSeries;
import com.trackagoat.analytics.AnalyticsResponses.EntityRef;
import com.trackagoat.analytics.AnalyticsResponses.Point;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Cached;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.Limits;
import com.trackagoat.org.TierLimits;
import com.trackagoat.stats.StatsCache;
import com.trackagoat.stats.StatsQuery;
import com.trackagoat.stats.StatsResponses.Baseline;
import com.trackagoat.stats.StatsService;
import com.trackagoat.stats.StatsService.RangeData;
import com.trackagoat.video.VideoRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/analytics} (docs/reference/analytics.md §1): each requested entity's per-day
 * aggregates over the range (and the prior period with {@code compare}), read as the stats read them
 * ({@link StatsService#range}), bucketed by {@link Buckets} and valued by {@link BucketValues}.
 * Answers are cached with the stats' rules (per organization {@code stats_version}); the annotations,
 * whose writes do not move that version, are read with every request.
 */
@ApplicationScoped
public class AnalyticsService {

    static final int BREAKDOWN_TOP = 10;

    @Inject
    StatsService stats;
    @Inject
    StatsCache cache;
    @Inject
    TierLimits tiers;
    @Inject
    VideoRepository videos;
    @Inject
    AnnotationService annotations;
    @Inject
    VisibleEntities entities;

    /** Lookup (404 for any id not visible in the caller's organization), retention (402), then the cached answer. */
    @WithSession
    public Uni<Cached<AnalyticsData>> analytics(Caller caller, AnalyticsQuery q) {
        return refs(caller.orgId(), q).flatMap(refs -> {
            Long retention = tiers.of(caller.tier()).get(Limits.RETENTION_DAYS);
            StatsQuery.checkRetention(q.from(), q.today(), retention);
            return cache.<AnalyticsData>get(q.cacheKey(), caller.statsVersion(), () -> compute(caller, q, refs, retention))
                    .flatMap(answer -> annotations.inRange(caller.orgId(), q.from(), q.to(), q.entityName(), q.ids())
                            .map(notes -> new Cached<>(answer.data().with(notes), answer.cached())));
        });
    }

    /** The entity references in request order, one lookup per id (at most 5). */
    private Uni<List<EntityRef>> refs(UUID orgId, AnalyticsQuery q) {
        return Multi.createFrom().iterable(q.ids())
                .onItem().transformToUniAndConcatenate(id -> entities.label(orgId, q.entityName(), id)
                        .map(label -> new EntityRef(q.entityName(), id.toString(), ApiException.requireFound(label))))
                .collect().asList();
    }

    private Uni<AnalyticsData> compute(Caller caller, AnalyticsQuery q, List<EntityRef> refs, Long retention) {
        long n = q.days();
        LocalDate start = q.compare() ? q.from().minusDays(n) : q.from();
        List<Buckets.Bucket> buckets = Buckets.of(q.from(), q.to(), q.granularity(), q.today());
        List<Buckets.Bucket> prior = buckets.stream().map(b -> b.shifted(n)).toList();
        LocalDate earliest = StatsQuery.earliest(q.today(), retention);
        List<Uni<RangeData>> reads = q.ids().stream().map(id -> stats.range(caller, q.entity(), id, start, q.to(), q.zone())).toList();
        Uni<List<RangeData>> data = Uni.join().all(reads).andFailFast();
        Uni<List<AnalyticsSeries>> breakdown = q.breakdown() ? breakdown(caller, q, buckets) : Uni.createFrom().item(List.of());
        return data.flatMap(ranges -> breakdown.map(parts -> {
            List<AnalyticsSeries> main = new ArrayList<>();
            List<AnalyticsSeries> compare = new ArrayList<>();
            List<Baseline> baselines = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                RangeData d = ranges.get(i);
                main.add(series(q, refs.get(i), points(q, d, buckets, null)));
                if (q.compare()) {
                    compare.add(series(q, refs.get(i), points(q, d, prior, earliest)));
                }
                for (Baseline b : d.baselines()) {
                    LocalDate day = LocalDate.ofInstant(Instant.parse(b.snapshotAt()), q.zone());
                    if (!day.isBefore(q.from())) {
                        baselines.add(b);
                    }
                }
            }
            baselines.sort(Comparator.comparing(Baseline::snapshotAt).thenComparing(b -> b.entityId().toString()));
            return new AnalyticsData(main, compare, parts, List.of(), baselines, retention);
        }));
    }

    /**
     * One series per video the campaign covers, ranked by views gained in the range (descending,
     * then id): the top {@value #BREAKDOWN_TOP}, then the rest taken together as {@code __other__}.
     */
    private Uni<List<AnalyticsSeries>> breakdown(Caller caller, AnalyticsQuery q, List<Buckets.Bucket> buckets) {
        return stats.campaignVideos(caller, q.ids().get(0), q.from(), q.to(), q.zone()).flatMap(all -> {
            Buckets.Bucket range = new Buckets.Bucket(q.from(), q.to(), false);
            List<UUID> ranked = all.keySet().stream().sorted(Comparator.<UUID>comparingLong(id -> {
                long[] g = BucketValues.gained(all.get(id), range);
                return g == null ? 0 : -g[0];
            }).thenComparing(UUID::toString)).toList();
            List<UUID> top = ranked.subList(0, Math.min(BREAKDOWN_TOP, ranked.size()));
            Uni<List<com.trackagoat.video.Video>> found = top.isEmpty() ? Uni.createFrom().item(List.of()) : videos.listVisible(caller.orgId(), top);
            return found.map(list -> {
                java.util.Map<UUID, String> labels = new java.util.HashMap<>();
                list.forEach(v -> labels.put(v.id, v.title != null ? v.title : v.tiktokVideoId));
                List<AnalyticsSeries> out = new ArrayList<>();
                for (UUID id : top) {
                    RangeData d = new RangeData(all.get(id), null, List.of());
                    out.add(series(q, new EntityRef("video", id.toString(), labels.get(id)), points(q, d, buckets, null)));
                }
                if (ranked.size() > BREAKDOWN_TOP) {
                    SumSeries rest = new SumSeries(ranked.subList(BREAKDOWN_TOP, ranked.size()).stream().map(all::get).toList());
                    out.add(series(q, new EntityRef("video", "__other__", "Other"), points(q, new RangeData(rest, null, List.of()), buckets, null)));
                }
                return out;
            });
        });
    }

    private static AnalyticsSeries series(AnalyticsQuery q, EntityRef ref, List<Point> points) {
        return new AnalyticsSeries(q.metric(), StatsQuery.unit(q.metric()), q.mode(), q.granularity().name().toLowerCase(java.util.Locale.ROOT),
                q.zone().getId(), ref, points);
    }

    /** One point per bucket; with {@code earliest} set (prior periods), buckets starting before it have no value. */
    private static List<Point> points(AnalyticsQuery q, RangeData d, List<Buckets.Bucket> buckets, LocalDate earliest) {
        List<Point> points = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Buckets.Bucket b = buckets.get(i);
            Number value = earliest != null && b.start().isBefore(earliest) ? null
                    : BucketValues.value(q.metric(), q.mode(), q.baseMetric(), d.series(), d.creator(), b, i == 0 ? null : buckets.get(i - 1));
            points.add(new Point(b.start().toString(), value, b.partial()));
        }
        return points;
    }
}
