package com.trackagoat.stats;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Json;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.Limits;
import com.trackagoat.org.TierLimits;
import com.trackagoat.stats.StatsRepository.CreatorSnapshotRow;
import com.trackagoat.stats.StatsRepository.VideoRef;
import com.trackagoat.stats.StatsRepository.VideoSnapshotRow;
import com.trackagoat.stats.StatsResponses.Baseline;
import com.trackagoat.stats.calc.Aggregate;
import com.trackagoat.stats.calc.DaySeries;
import com.trackagoat.stats.calc.Rates;
import com.trackagoat.stats.calc.Snap;
import com.trackagoat.stats.calc.Velocity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The three stats endpoints: parameter resolution, lookup, retention, cache, then the pure math of
 * {@code stats.calc} over the snapshots read by {@link StatsRepository}.
 */
@ApplicationScoped
public class StatsService {

    static final List<String> COUNTER_BASES = List.of("views", "likes", "comments", "shares", "saves");

    private final StatsRepository repository;
    private final CohortCurveRepository curves;
    private final StatsCache cache;
    private final TierLimits tiers;
    private final Pool pool;
    private final Clock clock;

    public StatsService(StatsRepository repository, CohortCurveRepository curves, StatsCache cache, TierLimits tiers, Pool pool) {
        this.repository = repository;
        this.curves = curves;
        this.cache = cache;
        this.tiers = tiers;
        this.pool = pool;
        this.clock = Clock.systemUTC();
    }

    // ------------------------------------------------------------------------------------ video

    public Uni<Envelope> video(Caller caller, UUID videoId, StatsQuery.Raw raw) {
        StatsQuery q = StatsQuery.resolve(raw, StatsQuery.Entity.VIDEO, caller.timezone(), clock);
        return repository.visibleVideo(caller.orgId(), videoId).flatMap(found -> {
            VideoRef video = ApiException.requireFound(found);
            q.checkRetention(retention(caller));
            return cache.get("video|" + videoId + "|" + q.cacheKey(), caller.statsVersion(), () -> videoStats(caller, video, q));
        });
    }

    private Uni<Object> videoStats(Caller caller, VideoRef video, StatsQuery q) {
        return repository.allVideoSnapshots(List.of(video.id())).flatMap(rows -> {
            DaySeries series = DaySeries.of(rows.stream().map(StatsService::snap).toList(), q.zone(), true);
            List<Baseline> baselines = baselines(rows, q, VideoSnapshotRow::videoId, VideoSnapshotRow::capturedAt,
                    VideoSnapshotRow::baseline, VideoSnapshotRow::reason);
            LocalDate first = series.firstDay();
            if (q.metric() != null) {
                Aggregate single = new Aggregate(List.of(series), List.of(), q.zone());
                return Uni.createFrom().item(derived(q, single, null, null, baselines, first));
            }
            List<StatsResponses.VideoHistory> history = new ArrayList<>();
            for (LocalDate d : historyDays(q, first)) {
                long[] c = series.carried(d);
                history.add(new StatsResponses.VideoHistory(d.toString(), c[0], c[1], c[2], c[3], c[4]));
            }
            List<Velocity.Point> velocity = Velocity.of(series, video.postedAt(), q.zone());
            List<StatsResponses.VelocityEntry> velocityDto = velocity.stream()
                    .map(p -> new StatsResponses.VelocityEntry(p.dayNumber(), p.viewsGained())).toList();
            Uni<StatsResponses.Cohort> cohort = q.cohort() && video.creatorId() != null
                    ? cohort(caller, video, velocity, q.zone()) : Uni.createFrom().nullItem();
            return cohort.map(c -> new StatsResponses.VideoStats(video.id(), q.zone().getId(), q.from().toString(), q.to().toString(),
                    history, velocityDto, baselines, Json.date(first), c));
        });
    }

    /** creator_avg from the creator's other counted videos; org_avg from the materialized curve minus this video. */
    private Uni<StatsResponses.Cohort> cohort(Caller caller, VideoRef video, List<Velocity.Point> own, ZoneId zone) {
        Uni<List<StatsResponses.CohortEntry>> creatorAvg = repository.countedVideosOfCreator(caller.orgId(), video.creatorId())
                .flatMap(pool -> {
                    List<VideoRef> others = pool.stream().filter(v -> !v.id().equals(video.id())).toList();
                    if (others.isEmpty()) {
                        return Uni.createFrom().item(List.<StatsResponses.CohortEntry>of());
                    }
                    return repository.allVideoSnapshots(others.stream().map(VideoRef::id).toList()).map(rows -> {
                        Map<UUID, List<Snap>> byVideo = group(rows);
                        Map<Integer, long[]> sums = new HashMap<>();   // day number → {sum, count}
                        for (VideoRef v : others) {
                            DaySeries s = DaySeries.of(byVideo.getOrDefault(v.id(), List.of()), zone, true);
                            for (Velocity.Point p : Velocity.of(s, v.postedAt(), zone)) {
                                if (p.viewsGained() != null) {
                                    long[] acc = sums.computeIfAbsent(p.dayNumber(), k -> new long[2]);
                                    acc[0] += p.viewsGained();
                                    acc[1]++;
                                }
                            }
                        }
                        return averages(own, n -> sums.get(n));
                    });
                });
        Uni<List<StatsResponses.CohortEntry>> orgAvg = curves.curve(caller.orgId(), zone, caller.statsVersion()).map(curve ->
                averages(own, n -> {
                    CohortCurveRepository.Point point = curve.get(n);
                    if (point == null) {
                        return null;
                    }
                    long sum = point.gainSum();
                    long count = point.sampleSize();
                    Long mine = video.counted() ? ownGain(own, n) : null;
                    if (mine != null) {
                        sum -= mine;
                        count--;
                    }
                    return new long[]{sum, count};
                }));
        return Uni.combine().all().unis(creatorAvg, orgAvg).asTuple()
                .map(t -> new StatsResponses.Cohort(t.getItem1(), t.getItem2()));
    }

    private static Long ownGain(List<Velocity.Point> own, int dayNumber) {
        for (Velocity.Point p : own) {
            if (p.dayNumber() == dayNumber) {
                return p.viewsGained();
            }
        }
        return null;
    }

    /** One entry per own day number whose pool has a sample; mean rounded half-up to 1 decimal. */
    private static List<StatsResponses.CohortEntry> averages(List<Velocity.Point> own, Function<Integer, long[]> sumAndCount) {
        List<StatsResponses.CohortEntry> out = new ArrayList<>();
        for (Velocity.Point p : own) {
            long[] sc = sumAndCount.apply(p.dayNumber());
            if (sc != null && sc[1] > 0) {
                out.add(new StatsResponses.CohortEntry(p.dayNumber(), Rates.ratio(sc[0], sc[1], 1), (int) sc[1]));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------- creator

    public Uni<Envelope> creator(Caller caller, UUID creatorId, StatsQuery.Raw raw) {
        StatsQuery q = StatsQuery.resolve(raw, StatsQuery.Entity.CREATOR, caller.timezone(), clock);
        return pool.preparedQuery("SELECT id FROM creator WHERE id = $1 AND org_id = $2 AND status <> 'removed'")
                .execute(Tuple.of(creatorId, caller.orgId()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound();
                    }
                    q.checkRetention(retention(caller));
                    return cache.get("creator|" + creatorId + "|" + q.cacheKey(), caller.statsVersion(),
                            () -> repository.countedVideosOfCreator(caller.orgId(), creatorId)
                                    .flatMap(videos -> entityStats(q, videos, List.of(creatorId), true))
                                    .map(r -> r.metric() != null ? r.derived() : new StatsResponses.CreatorStats(creatorId,
                                            q.zone().getId(), q.from().toString(), q.to().toString(), r.creatorHistory(),
                                            r.baselines(), Json.date(r.first()))));
                });
    }

    // --------------------------------------------------------------------------------- campaign

    public Uni<Envelope> campaign(Caller caller, UUID campaignId, StatsQuery.Raw raw) {
        StatsQuery q = StatsQuery.resolve(raw, StatsQuery.Entity.CAMPAIGN, caller.timezone(), clock);
        return pool.preparedQuery("SELECT target_views, target_at FROM campaign WHERE id = $1 AND org_id = $2")
                .execute(Tuple.of(campaignId, caller.orgId()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound();
                    }
                    Long targetViews = rows.iterator().next().getLong(0);
                    OffsetDateTime targetAt = rows.iterator().next().getOffsetDateTime(1);
                    q.checkRetention(retention(caller));
                    return cache.get("campaign|" + campaignId + "|" + q.cacheKey(), caller.statsVersion(),
                            () -> repository.coverage(caller.orgId(), campaignId)
                                    .flatMap(cov -> entityStats(q, cov.videos(), cov.creators(), false).map(r -> {
                                        if (r.metric() != null) {
                                            return r.derived();
                                        }
                                        long[] c = r.aggregate().cumulative(q.to());
                                        var totals = new StatsResponses.Totals(cov.videos().size(), cov.creators().size(),
                                                c[0], c[1], c[2], c[3], c[4]);
                                        Double progress = targetViews == null ? null : Rates.percent(c[0], targetViews);
                                        return new StatsResponses.CampaignStats(campaignId, q.zone().getId(), q.from().toString(),
                                                q.to().toString(), totals, r.campaignHistory(), targetViews,
                                                targetAt == null ? null : Json.ts(targetAt.toInstant()), progress, r.baselines(),
                                                Json.date(r.first()));
                                    })));
                });
    }

    // ------------------------------------------------------------------- creator and campaign

    /** What the creator and campaign shapes are built from. */
    private record EntityResult(String metric, Aggregate aggregate, Map<UUID, DaySeries> creators, List<Baseline> baselines,
                                LocalDate first, List<LocalDate> days, StatsResponses.DerivedStats derived, boolean single) {

        List<StatsResponses.CreatorHistory> creatorHistory() {
            DaySeries creator = creators.values().stream().findFirst().orElse(DaySeries.EMPTY);
            List<StatsResponses.CreatorHistory> out = new ArrayList<>();
            for (LocalDate d : days) {
                long[] cv = creator.carried(d);
                long[] c = aggregate.cumulative(d);
                long[] g = aggregate.gained(d);
                out.add(new StatsResponses.CreatorHistory(d.toString(), at(cv, 0), at(cv, 1), at(cv, 2), at(cv, 3),
                        c[0], c[1], c[2], c[3], c[4], at(g, 0), at(g, 1), at(g, 2), at(g, 3), at(g, 4), aggregate.posts(d)));
            }
            return out;
        }

        List<StatsResponses.CampaignHistory> campaignHistory() {
            List<StatsResponses.CampaignHistory> out = new ArrayList<>();
            for (LocalDate d : days) {
                long[] c = aggregate.cumulative(d);
                long[] g = aggregate.gained(d);
                out.add(new StatsResponses.CampaignHistory(d.toString(), c[0], c[1], c[2], c[3], c[4],
                        at(g, 0), at(g, 1), at(g, 2), at(g, 3), at(g, 4), aggregate.posts(d)));
            }
            return out;
        }

        private static Long at(long[] values, int k) {
            return values == null ? null : values[k];
        }
    }

    private Uni<EntityResult> entityStats(StatsQuery q, List<VideoRef> videos, List<UUID> creatorIds, boolean single) {
        Instant start = q.from().atStartOfDay(q.zone()).toInstant();
        Instant end = q.to().plusDays(1).atStartOfDay(q.zone()).toInstant();
        Uni<List<VideoSnapshotRow>> videoRows = repository.videoSnapshotsForRange(videos.stream().map(VideoRef::id).toList(), start, end);
        Uni<List<CreatorSnapshotRow>> creatorRows = repository.creatorSnapshotsForRange(creatorIds, start, end);
        return Uni.combine().all().unis(videoRows, creatorRows).asTuple().map(t -> {
            Map<UUID, List<Snap>> byVideo = group(t.getItem1());
            List<DaySeries> series = new ArrayList<>(videos.size());
            List<Instant> posted = new ArrayList<>(videos.size());
            for (VideoRef v : videos) {
                series.add(DaySeries.of(byVideo.getOrDefault(v.id(), List.of()), q.zone(), true));
                posted.add(v.postedAt());
            }
            Aggregate aggregate = new Aggregate(series, posted, q.zone());
            Map<UUID, List<Snap>> byCreator = new LinkedHashMap<>();
            for (CreatorSnapshotRow r : t.getItem2()) {
                byCreator.computeIfAbsent(r.creatorId(), k -> new ArrayList<>()).add(creatorSnap(r));
            }
            Map<UUID, DaySeries> creators = new LinkedHashMap<>();
            for (UUID id : creatorIds) {
                creators.put(id, DaySeries.of(byCreator.getOrDefault(id, List.of()), q.zone(), false));
            }
            LocalDate first = aggregate.firstDay();
            for (DaySeries c : creators.values()) {
                if (c.firstDay() != null && (first == null || c.firstDay().isBefore(first))) {
                    first = c.firstDay();
                }
            }
            List<Baseline> baselines = new ArrayList<>(baselines(t.getItem1(), q, VideoSnapshotRow::videoId,
                    VideoSnapshotRow::capturedAt, VideoSnapshotRow::baseline, VideoSnapshotRow::reason));
            baselines.addAll(baselines(t.getItem2(), q, CreatorSnapshotRow::creatorId, CreatorSnapshotRow::capturedAt,
                    CreatorSnapshotRow::baseline, CreatorSnapshotRow::reason));
            baselines.sort(BASELINE_ORDER);
            StatsResponses.DerivedStats derived = q.metric() == null ? null
                    : derived(q, aggregate, creators, single ? creators.get(creatorIds.get(0)) : null, baselines, first);
            return new EntityResult(q.metric(), aggregate, creators, baselines, first, historyDays(q, first), derived, single);
        });
    }

    // ------------------------------------------------------------------------- derived metrics

    /**
     * The derived shape (§6): one point per day from {@code from} to {@code to}.
     *
     * @param creators covered creators' series (followers), null for a video
     * @param creator  the creator itself (growth of followers or videos), null otherwise
     */
    private static StatsResponses.DerivedStats derived(StatsQuery q, Aggregate a, Map<UUID, DaySeries> creators, DaySeries creator,
                                                       List<Baseline> baselines, LocalDate first) {
        String metric = q.metric();
        List<StatsResponses.Point> points = new ArrayList<>();
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            Double value = switch (metric) {
                case StatsQuery.ENGAGEMENT_BY_VIEWS -> {
                    long[] g = a.gained(d);
                    yield g == null ? null : Rates.percent(Aggregate.engagement(g), g[0]);
                }
                case StatsQuery.ENGAGEMENT_BY_FOLLOWERS -> {
                    long[] g = a.gained(d);
                    Long followers = followers(creators, d);
                    yield g == null || followers == null ? null : Rates.percent(Aggregate.engagement(g), followers);
                }
                case StatsQuery.POSTS_PER_WEEK -> (double) (a.posts(d) * 7);
                case StatsQuery.AVG_VIEWS_PER_POST -> {
                    long[] g = a.gained(d);
                    yield g == null ? null : Rates.ratio(g[0], a.postedOnOrBefore(d), 2);
                }
                case StatsQuery.GROWTH_RATE_POP -> d.equals(q.from()) ? null : growth(q.baseMetric(), a, creator, d);
                default -> throw new IllegalStateException(metric);
            };
            points.add(new StatsResponses.Point(d.toString(), value));
        }
        String unit = metric.equals(StatsQuery.POSTS_PER_WEEK) || metric.equals(StatsQuery.AVG_VIEWS_PER_POST) ? "count" : "percent";
        var series = new StatsResponses.Series(metric, unit, "rate", "day", q.zone().getId(), points);
        return new StatsResponses.DerivedStats(List.of(series), baselines, Json.date(first));
    }

    private static Double growth(String base, Aggregate a, DaySeries creator, LocalDate d) {
        if (base.equals("followers") || base.equals("videos")) {
            int k = base.equals("followers") ? 0 : 3;
            long[] gain = creator.gain(d);
            long[] previous = creator.carried(d.minusDays(1));
            return gain == null || previous == null ? null : Rates.percent(gain[k], previous[k]);
        }
        int k = COUNTER_BASES.indexOf(base);
        long[] gain = a.gained(d);
        return gain == null ? null : Rates.percent(gain[k], a.cumulative(d.minusDays(1))[k]);
    }

    /** F(d): carried follower counts summed over the creators that have one; null when none has. */
    private static Long followers(Map<UUID, DaySeries> creators, LocalDate d) {
        Long sum = null;
        for (DaySeries c : creators.values()) {
            long[] cv = c.carried(d);
            if (cv != null) {
                sum = (sum == null ? 0 : sum) + cv[0];
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------- helpers

    private static final Comparator<Baseline> BASELINE_ORDER =
            Comparator.comparing(Baseline::snapshotAt).thenComparing(b -> b.entityId().toString());

    /** Baseline snapshots whose day lies in [from, to], ordered by snapshot_at then entity_id. */
    private static <R> List<Baseline> baselines(List<R> rows, StatsQuery q, Function<R, UUID> id, Function<R, Instant> at,
                                                Function<R, Boolean> isBaseline, Function<R, String> reason) {
        List<Baseline> out = new ArrayList<>();
        for (R r : rows) {
            if (isBaseline.apply(r)) {
                LocalDate day = LocalDate.ofInstant(at.apply(r), q.zone());
                if (!day.isBefore(q.from()) && !day.isAfter(q.to())) {
                    out.add(new Baseline(id.apply(r), Json.ts(at.apply(r)), reason.apply(r)));
                }
            }
        }
        out.sort(BASELINE_ORDER);
        return out;
    }

    /** The days of per-day arrays: max(from, first_data_date) to to; none without data. */
    static List<LocalDate> historyDays(StatsQuery q, LocalDate first) {
        List<LocalDate> days = new ArrayList<>();
        if (first == null || first.isAfter(q.to())) {
            return days;
        }
        for (LocalDate d = first.isAfter(q.from()) ? first : q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private Long retention(Caller caller) {
        return tiers.of(caller.tier()).get(Limits.RETENTION_DAYS);
    }

    private static Snap snap(VideoSnapshotRow r) {
        return new Snap(r.capturedAt(), new long[]{r.views(), r.likes(), r.comments(), r.shares(), r.saves()}, r.baseline());
    }

    private static Snap creatorSnap(CreatorSnapshotRow r) {
        return new Snap(r.capturedAt(), new long[]{r.followers(), r.following(), r.likes(), r.videos()}, r.baseline());
    }

    private static Map<UUID, List<Snap>> group(List<VideoSnapshotRow> rows) {
        Map<UUID, List<Snap>> byVideo = new HashMap<>();
        for (VideoSnapshotRow r : rows) {
            byVideo.computeIfAbsent(r.videoId(), k -> new ArrayList<>()).add(snap(r));
        }
        return byVideo;
    }
}
