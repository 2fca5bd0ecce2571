package com.trackagoat.stats;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Cached;
import com.trackagoat.stats.StatsResponses.StatsData;
import com.trackagoat.api.Json;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.Limits;
import com.trackagoat.org.TierLimits;
import com.trackagoat.stats.StatsRepository.CampaignTarget;
import com.trackagoat.stats.StatsRepository.Coverage;
import com.trackagoat.stats.StatsRepository.CreatorSnapshotRow;
import com.trackagoat.stats.StatsRepository.VideoRef;
import com.trackagoat.stats.StatsRepository.VideoSnapshotRow;
import com.trackagoat.stats.StatsResponses.Baseline;
import com.trackagoat.stats.calc.Aggregate;
import com.trackagoat.stats.calc.EntitySeries;
import com.trackagoat.stats.calc.DaySeries;
import com.trackagoat.stats.calc.Rates;
import com.trackagoat.stats.calc.RangeSeries;
import com.trackagoat.stats.calc.Rollup;
import com.trackagoat.stats.calc.Series;
import com.trackagoat.stats.calc.Snap;
import com.trackagoat.stats.calc.Velocity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The three stats endpoints: parameter resolution, lookup, retention, cache, then the pure math of
 * {@code stats.calc} over the snapshots read by {@link StatsRepository}.
 */
@ApplicationScoped
public class StatsService {

    static final List<String> COUNTER_BASES = List.of("views", "likes", "comments", "shares", "saves");

    @Inject
    StatsRepository repository;
    @Inject
    CohortCurveRepository curves;
    @Inject
    StatsCache cache;
    @Inject
    SeriesCache series;
    @Inject
    TierLimits tiers;
    @Inject
    Clock clock;

    // ------------------------------------------------------------------------------------ video

    public Uni<Cached<StatsData>> video(Caller caller, UUID videoId, StatsQuery.Raw raw) {
        StatsQuery q = StatsQuery.resolve(raw, StatsQuery.Entity.VIDEO, caller.timezone(), clock);
        return repository.visibleVideo(caller.orgId(), videoId).flatMap(found -> {
            VideoRef video = ApiException.requireFound(found);
            q.checkRetention(retention(caller));
            return cache.get("video|" + videoId + "|" + q.cacheKey(), caller.statsVersion(), () -> videoStats(caller, video, q));
        });
    }

    private Uni<StatsData> videoStats(Caller caller, VideoRef video, StatsQuery q) {
        return repository.allVideoSnapshots(List.of(video.id())).flatMap(rows -> {
            DaySeries series = DaySeries.of(rows.stream().map(StatsService::snap).toList(), q.zone(), true);
            List<Baseline> baselines = baselines(rows, q, VideoSnapshotRow::videoId, VideoSnapshotRow::capturedAt,
                    VideoSnapshotRow::baseline, VideoSnapshotRow::reason);
            LocalDate first = series.firstDay();
            if (q.metric() != null) {
                EntitySeries single = new EntitySeries(List.of(series), List.of(), List.of(), q.zone());
                return Uni.createFrom().item(derived(q, single, null, baselines, first));
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

    /**
     * creator_avg and org_avg: per day number, the sum and count of non-null views_gained over all
     * counted videos of the creator (computed once per creator, zone and version) or of the
     * organization (the materialized curve), minus this video's own contribution when it counts.
     */
    private Uni<StatsResponses.Cohort> cohort(Caller caller, VideoRef video, List<Velocity.Point> own, ZoneId zone) {
        return repository.readyZone(caller.orgId(), zone.getId()).flatMap(rollups -> rollups != null
                ? repository.velocitySums(rollups, List.of(video.creatorId(), caller.orgId()))
                .map(sums -> new StatsResponses.Cohort(othersAverage(own, sums.getOrDefault(video.creatorId(), Map.of()), video.counted()),
                        othersAverage(own, sums.getOrDefault(caller.orgId(), Map.of()), video.counted())))
                : cohortFromSnapshots(caller, video, own, zone));
    }

    /** Without rollups in the zone: the creator's pool from its videos' snapshots, the organization's from the per-version curve. */
    private Uni<StatsResponses.Cohort> cohortFromSnapshots(Caller caller, VideoRef video, List<Velocity.Point> own, ZoneId zone) {
        Uni<Map<Integer, long[]>> creatorCurve = series.get("creator-velocity|" + video.creatorId(), zone, caller.statsVersion(),
                () -> repository.countedVideosOfCreator(caller.orgId(), video.creatorId())
                        .flatMap(videos -> repository.allVideoSnapshots(videos.stream().map(VideoRef::id).toList())
                                .map(rows -> velocitySums(videos, rows, zone))));
        Uni<Map<Integer, long[]>> orgCurve = curves.curve(caller.orgId(), zone, caller.statsVersion()).map(StatsService::curveSums);
        return Uni.combine().all().unis(creatorCurve, orgCurve).asTuple()
                .map(t -> new StatsResponses.Cohort(othersAverage(own, t.getItem1(), video.counted()), othersAverage(own, t.getItem2(), video.counted())));
    }

    /** Per day number, the sum and the count of non-null views_gained over {@code videos}. */
    private static Map<Integer, long[]> velocitySums(List<VideoRef> videos, List<VideoSnapshotRow> rows, ZoneId zone) {
        Map<UUID, List<Snap>> byVideo = group(rows);
        Map<Integer, long[]> sums = new HashMap<>();
        for (VideoRef v : videos) {
            DaySeries s = DaySeries.of(byVideo.getOrDefault(v.id(), List.of()), zone, true);
            for (Velocity.Point p : Velocity.of(s, v.postedAt(), zone)) {
                if (p.viewsGained() != null) {
                    long[] acc = sums.computeIfAbsent(p.dayNumber(), k -> new long[2]);
                    acc[0] += p.viewsGained();
                    acc[1]++;
                }
            }
        }
        return Map.copyOf(sums);
    }

    private static Map<Integer, long[]> curveSums(Map<Integer, CohortCurveRepository.Point> curve) {
        Map<Integer, long[]> sums = new HashMap<>();
        curve.forEach((n, p) -> sums.put(n, new long[]{p.gainSum(), p.sampleSize()}));
        return sums;
    }

    /** Averages per own day number over the pool without this video (its gain is in the pool when it counts). */
    private static List<StatsResponses.CohortEntry> othersAverage(List<Velocity.Point> own, Map<Integer, long[]> pool, boolean ownCounted) {
        return averages(own, n -> {
            long[] sc = pool.get(n);
            if (sc == null) {
                return null;
            }
            Long mine = ownCounted ? ownGain(own, n) : null;
            return mine == null ? sc : new long[]{sc[0] - mine, sc[1] - 1};
        });
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

    public Uni<Cached<StatsData>> creator(Caller caller, UUID creatorId, StatsQuery.Raw raw) {
        StatsQuery q = StatsQuery.resolve(raw, StatsQuery.Entity.CREATOR, caller.timezone(), clock);
        return repository.visibleCreator(caller.orgId(), creatorId).flatMap(found -> {
            if (!found) {
                throw ApiException.notFound();
            }
            q.checkRetention(retention(caller));
            return cache.get("creator|" + creatorId + "|" + q.cacheKey(), caller.statsVersion(),
                    () -> repository.readyZone(caller.orgId(), q.zone().getId()).flatMap(rollups -> rollups != null
                            ? creatorFromRollups(caller, creatorId, q, rollups)
                            : creatorData(caller, creatorId, q.zone())).map(d -> creatorAnswer(q, creatorId, d)));
        });
    }

    /** The creator's whole per-day history in {@code zone}, computed once per version. */
    private Uni<EntityData> creatorData(Caller caller, UUID creatorId, ZoneId zone) {
        return series.get("creator|" + creatorId, zone, caller.statsVersion(),
                () -> repository.countedVideosOfCreator(caller.orgId(), creatorId)
                        .flatMap(videos -> entityData(zone, videos, List.of(creatorId), true)));
    }

    /** The creator's aggregates over the requested range, from the rollup rows of that range. */
    private Uni<EntityData> creatorFromRollups(Caller caller, UUID creatorId, StatsQuery q, long rollups) {
        List<UUID> creator = List.of(creatorId);
        return repository.countedVideosOfCreator(caller.orgId(), creatorId).flatMap(videos -> Uni.combine().all().unis(
                repository.creatorDays(rollups, creator, q.from(), q.to()),
                repository.firstDay(rollups, creator, creator, List.of()),
                rangeBaselines(q, ids(videos), creator)).asTuple().map(t -> {
            RangeSeries series = new RangeSeries(q.from(), q.to(), postedDays(videos, q.zone()), t.getItem2());
            Rollup.CreatorDay before = t.getItem1().before().get(creatorId);
            List<Rollup.CreatorDay> rows = t.getItem1().rows().getOrDefault(creatorId, List.of());
            addCreator(series, before, rows, true);
            Map<Long, long[]> own = new HashMap<>();
            Map<Long, long[]> ownGains = new HashMap<>();
            for (Rollup.CreatorDay d : rows) {
                own.put(d.day, d.own);
                if (d.ownGain != null) {
                    ownGains.put(d.day, d.ownGain);
                }
            }
            return new EntityData(series, RangeSeries.own(before == null ? null : before.own, own, ownGains), t.getItem3(), videos.size(), 1);
        }));
    }

    /** Adds a video's rollup rows: its carried counters (from {@code before}, or null) and its gains. */
    private static void addVideo(RangeSeries series, DaySeries.Day before, List<DaySeries.Day> rows) {
        TreeMap<Long, long[]> carried = new TreeMap<>();
        for (DaySeries.Day d : rows) {
            carried.put(d.epochDay(), d.value());
            if (d.gain() != null) {
                series.addGain(d.epochDay(), d.gain(), 1);
            }
        }
        series.addTotals(before == null ? null : before.value(), carried);
    }

    /** Adds a creator's rollup rows: its videos' totals and gains when {@code totals}, its followers always. */
    private static void addCreator(RangeSeries series, Rollup.CreatorDay before, List<Rollup.CreatorDay> rows, boolean totals) {
        TreeMap<Long, Long> followers = new TreeMap<>();
        TreeMap<Long, long[]> carried = new TreeMap<>();
        for (Rollup.CreatorDay d : rows) {
            if (d.own != null) {
                followers.put(d.day, d.own[0]);
            }
            if (d.ownGain != null) {
                series.addFollowerGain(d.day, d.ownGain[0]);
            }
            carried.put(d.day, d.totals);
            if (totals) {
                series.addGain(d.day, d.gains, d.gainCount);
            }
        }
        series.addFollowers(before == null || before.own == null ? null : before.own[0], followers);
        if (totals) {
            series.addTotals(before == null ? null : before.totals, carried);
        }
    }

    /** The baselines of the videos and creators whose day lies in the requested range. */
    private Uni<List<DatedBaseline>> rangeBaselines(StatsQuery q, List<UUID> videos, List<UUID> creators) {
        Instant from = q.from().atStartOfDay(q.zone()).toInstant();
        Instant to = q.to().plusDays(1).atStartOfDay(q.zone()).toInstant();
        return repository.baselines(videos, creators, from, to).map(rows -> rows.stream()
                .map(r -> new DatedBaseline(LocalDate.ofInstant(r.capturedAt(), q.zone()), new Baseline(r.entityId(), Json.ts(r.capturedAt()), r.reason())))
                .sorted(Comparator.comparing(DatedBaseline::baseline, BASELINE_ORDER)).toList());
    }

    private static List<UUID> ids(List<VideoRef> videos) {
        return videos.stream().map(VideoRef::id).toList();
    }

    private static long[] postedDays(List<VideoRef> videos, ZoneId zone) {
        return videos.stream().filter(v -> v.postedAt() != null).mapToLong(v -> LocalDate.ofInstant(v.postedAt(), zone).toEpochDay()).toArray();
    }

    private static StatsData creatorAnswer(StatsQuery q, UUID creatorId, EntityData d) {
        if (q.metric() != null) {
            return derived(q, d.series(), d.creator(), d.baselines(q), d.series().firstDay());
        }
        return new StatsResponses.CreatorStats(creatorId, q.zone().getId(), q.from().toString(), q.to().toString(),
                creatorHistory(q, d), d.baselines(q), Json.date(d.series().firstDay()));
    }

    private static List<StatsResponses.CreatorHistory> creatorHistory(StatsQuery q, EntityData d) {
        List<StatsResponses.CreatorHistory> out = new ArrayList<>();
        for (LocalDate day : historyDays(q, d.series().firstDay())) {
            long[] cv = d.creator().carried(day);
            long[] c = d.series().cumulative(day);
            long[] g = d.series().gained(day);
            out.add(new StatsResponses.CreatorHistory(day.toString(), at(cv, 0), at(cv, 1), at(cv, 2), at(cv, 3),
                    c[0], c[1], c[2], c[3], c[4], at(g, 0), at(g, 1), at(g, 2), at(g, 3), at(g, 4), d.series().posts(day)));
        }
        return out;
    }

    // --------------------------------------------------------------------------------- campaign

    public Uni<Cached<StatsData>> campaign(Caller caller, UUID campaignId, StatsQuery.Raw raw) {
        StatsQuery q = StatsQuery.resolve(raw, StatsQuery.Entity.CAMPAIGN, caller.timezone(), clock);
        return repository.campaignTarget(caller.orgId(), campaignId).flatMap(found -> {
            CampaignTarget target = ApiException.requireFound(found);
            q.checkRetention(retention(caller));
            return cache.get("campaign|" + campaignId + "|" + q.cacheKey(), caller.statsVersion(),
                    () -> repository.readyZone(caller.orgId(), q.zone().getId()).flatMap(rollups -> rollups != null
                            ? campaignFromRollups(caller, campaignId, q, rollups)
                            : campaignData(caller, campaignId, q.zone())).map(d -> campaignAnswer(q, campaignId, target, d)));
        });
    }

    /** The campaign's whole per-day history in {@code zone} over its covered videos, computed once per version. */
    private Uni<EntityData> campaignData(Caller caller, UUID campaignId, ZoneId zone) {
        return coverageData(caller, "campaign|" + campaignId, zone, () -> repository.coverage(caller.orgId(), campaignId));
    }

    /** The whole per-day history in {@code zone} of what a coverage holds, computed once per (key, zone, version). */
    private Uni<EntityData> coverageData(Caller caller, String key, ZoneId zone, java.util.function.Supplier<Uni<Coverage>> coverage) {
        return series.get(key, zone, caller.statsVersion(),
                () -> coverage.get().flatMap(cov -> entityData(zone, cov.videos(), cov.creators(), false)));
    }

    private Uni<EntityData> campaignFromRollups(Caller caller, UUID campaignId, StatsQuery q, long rollups) {
        return repository.coverage(caller.orgId(), campaignId).flatMap(cov -> coverageFromRollups(cov, q, rollups));
    }

    /**
     * A coverage's aggregates over the requested range from rollup rows: the item creators' rows
     * (all their counted videos are covered), the rows of the other covered videos, and the
     * followers of every covered creator.
     */
    private Uni<EntityData> coverageFromRollups(Coverage cov, StatsQuery q, long rollups) {
        List<UUID> others = cov.videos().stream().filter(v -> v.creatorId() == null || !cov.itemCreators().contains(v.creatorId()))
                .map(VideoRef::id).toList();
        return Uni.combine().all().unis(
                repository.creatorDays(rollups, cov.creators(), q.from(), q.to()),
                repository.videoDays(rollups, others, q.from(), q.to()),
                repository.firstDay(rollups, cov.itemCreators(), cov.creators(), others),
                rangeBaselines(q, ids(cov.videos()), cov.creators())).asTuple().map(t -> {
            RangeSeries series = new RangeSeries(q.from(), q.to(), postedDays(cov.videos(), q.zone()), t.getItem3());
            for (UUID c : cov.creators()) {
                addCreator(series, t.getItem1().before().get(c), t.getItem1().rows().getOrDefault(c, List.of()), cov.itemCreators().contains(c));
            }
            for (UUID v : others) {
                addVideo(series, t.getItem2().before().get(v), t.getItem2().rows().getOrDefault(v, List.of()));
            }
            return new EntityData(series, null, t.getItem4(), cov.videos().size(), cov.creators().size());
        });
    }

    private static StatsData campaignAnswer(StatsQuery q, UUID campaignId, CampaignTarget target, EntityData d) {
        if (q.metric() != null) {
            return derived(q, d.series(), null, d.baselines(q), d.series().firstDay());
        }
        long[] c = d.series().cumulative(q.to());
        var totals = new StatsResponses.Totals(d.videos(), d.creators(), c[0], c[1], c[2], c[3], c[4]);
        Double progress = target.views() == null ? null : Rates.percent(c[0], target.views());
        return new StatsResponses.CampaignStats(campaignId, q.zone().getId(), q.from().toString(), q.to().toString(), totals,
                campaignHistory(q, d), target.views(), Json.ts(target.at()), progress, d.baselines(q), Json.date(d.series().firstDay()));
    }

    private static List<StatsResponses.CampaignHistory> campaignHistory(StatsQuery q, EntityData d) {
        List<StatsResponses.CampaignHistory> out = new ArrayList<>();
        for (LocalDate day : historyDays(q, d.series().firstDay())) {
            long[] c = d.series().cumulative(day);
            long[] g = d.series().gained(day);
            out.add(new StatsResponses.CampaignHistory(day.toString(), c[0], c[1], c[2], c[3], c[4],
                    at(g, 0), at(g, 1), at(g, 2), at(g, 3), at(g, 4), d.series().posts(day)));
        }
        return out;
    }

    // ----------------------------------------------------------------- ranges (for the analytics)

    /** What a range of per-day aggregates is read for. */
    public enum Kind { VIDEO, CREATOR, CAMPAIGN, PROJECT }

    /**
     * An entity's per-day aggregates over [{@code from}, {@code to}] in {@code zone}: C, G, F, the
     * follower gains, P and N; the creator's own series (creators only); the baselines of the range.
     */
    public record RangeData(Series series, Series.Own creator, List<Baseline> baselines) {
    }

    /**
     * The per-day aggregates of a visible entity of the caller's organization (the caller checked
     * visibility), read as the stats read them: from the rollups of the range in the organization's
     * zone, else from the snapshots (docs/decisions.md, "Stats rollups"). A project covers its
     * counted videos and its non-removed creators.
     */
    public Uni<RangeData> range(Caller caller, Kind kind, UUID id, LocalDate from, LocalDate to, ZoneId zone) {
        StatsQuery q = new StatsQuery(from, to, zone, LocalDate.now(clock.withZone(zone)), null, null, false);
        return repository.readyZone(caller.orgId(), zone.getId()).flatMap(rollups -> switch (kind) {
            case CREATOR -> rollups != null ? creatorFromRollups(caller, id, q, rollups) : creatorData(caller, id, zone);
            case CAMPAIGN -> rollups != null ? campaignFromRollups(caller, id, q, rollups) : campaignData(caller, id, zone);
            case PROJECT -> rollups != null ? repository.projectCoverage(caller.orgId(), id).flatMap(cov -> coverageFromRollups(cov, q, rollups))
                    : coverageData(caller, "project|" + id, zone, () -> repository.projectCoverage(caller.orgId(), id));
            case VIDEO -> repository.visibleVideo(caller.orgId(), id).flatMap(video -> {
                Coverage single = new Coverage(List.of(ApiException.requireFound(video)), List.of(), Set.of());
                return rollups != null ? coverageFromRollups(single, q, rollups)
                        : coverageData(caller, "video|" + id, zone, () -> Uni.createFrom().item(single));
            });
        }).map(d -> new RangeData(d.series(), d.creator(), d.baselines(q)));
    }

    /**
     * The per-day aggregates of each video a campaign covers over [{@code from}, {@code to}], in
     * one read of their rollup rows (or snapshots, without rollups in the zone); in coverage order.
     */
    public Uni<Map<UUID, Series>> campaignVideos(Caller caller, UUID campaignId, LocalDate from, LocalDate to, ZoneId zone) {
        return repository.coverage(caller.orgId(), campaignId).flatMap(cov -> {
            List<UUID> ids = ids(cov.videos());
            return repository.readyZone(caller.orgId(), zone.getId()).flatMap(rollups -> rollups == null
                    ? repository.allVideoSnapshots(ids).map(rows -> {
                        Map<UUID, List<Snap>> byVideo = group(rows);
                        Map<UUID, Series> out = new LinkedHashMap<>();
                        for (VideoRef v : cov.videos()) {
                            DaySeries days = DaySeries.of(byVideo.getOrDefault(v.id(), List.of()), zone, true);
                            out.put(v.id(), new EntitySeries(List.of(days), java.util.Collections.singletonList(v.postedAt()), List.of(), zone));
                        }
                        return out;
                    })
                    : Uni.combine().all().unis(repository.videoDays(rollups, ids, from, to), repository.firstDays(rollups, ids)).asTuple().map(t -> {
                        Map<UUID, Series> out = new LinkedHashMap<>();
                        for (VideoRef v : cov.videos()) {
                            RangeSeries series = new RangeSeries(from, to, postedDays(List.of(v), zone), t.getItem2().get(v.id()));
                            addVideo(series, t.getItem1().before().get(v.id()), t.getItem1().rows().getOrDefault(v.id(), List.of()));
                            out.put(v.id(), series);
                        }
                        return out;
                    }));
        });
    }

    // ------------------------------------------------------------------- creator and campaign

    /**
     * Everything the creator and campaign answers need, over the whole history in one zone: the
     * per-day aggregates, the creator's own series (creator stats only), the baselines with their
     * days, and the covered counts. Computed once per (entity, zone, stats_version).
     */
    record EntityData(Series series, Series.Own creator, List<DatedBaseline> allBaselines, int videos, int creators) {
        List<Baseline> baselines(StatsQuery q) {
            List<Baseline> out = new ArrayList<>();
            for (DatedBaseline b : allBaselines) {
                if (!b.day().isBefore(q.from()) && !b.day().isAfter(q.to())) {
                    out.add(b.baseline());
                }
            }
            return out;
        }
    }

    record DatedBaseline(LocalDate day, Baseline baseline) {
    }

    private Uni<EntityData> entityData(ZoneId zone, List<VideoRef> videos, List<UUID> creatorIds, boolean single) {
        Uni<List<VideoSnapshotRow>> videoRows = repository.allVideoSnapshots(videos.stream().map(VideoRef::id).toList());
        Uni<List<CreatorSnapshotRow>> creatorRows = repository.allCreatorSnapshots(creatorIds);
        return Uni.combine().all().unis(videoRows, creatorRows).asTuple().map(t -> {
            Map<UUID, List<Snap>> byVideo = group(t.getItem1());
            List<DaySeries> videoSeries = new ArrayList<>(videos.size());
            List<Instant> posted = new ArrayList<>(videos.size());
            for (VideoRef v : videos) {
                videoSeries.add(DaySeries.of(byVideo.getOrDefault(v.id(), List.of()), zone, true));
                posted.add(v.postedAt());
            }
            Map<UUID, List<Snap>> byCreator = new HashMap<>();
            for (CreatorSnapshotRow r : t.getItem2()) {
                byCreator.computeIfAbsent(r.creatorId(), k -> new ArrayList<>()).add(creatorSnap(r));
            }
            List<DaySeries> creatorSeries = creatorIds.stream().map(id -> DaySeries.of(byCreator.getOrDefault(id, List.of()), zone, false)).toList();
            List<DatedBaseline> baselines = new ArrayList<>();
            for (VideoSnapshotRow r : t.getItem1()) {
                if (r.baseline()) {
                    baselines.add(new DatedBaseline(LocalDate.ofInstant(r.capturedAt(), zone), new Baseline(r.videoId(), Json.ts(r.capturedAt()), r.reason())));
                }
            }
            for (CreatorSnapshotRow r : t.getItem2()) {
                if (r.baseline()) {
                    baselines.add(new DatedBaseline(LocalDate.ofInstant(r.capturedAt(), zone), new Baseline(r.creatorId(), Json.ts(r.capturedAt()), r.reason())));
                }
            }
            baselines.sort(Comparator.comparing(DatedBaseline::baseline, BASELINE_ORDER));
            return new EntityData(new EntitySeries(videoSeries, posted, creatorSeries, zone), single ? creatorSeries.get(0) : null,
                    List.copyOf(baselines), videos.size(), creatorIds.size());
        });
    }

    private static Long at(long[] values, int k) {
        return values == null ? null : values[k];
    }

    // ------------------------------------------------------------------------- derived metrics

    /**
     * The derived shape (§6): one point per day from {@code from} to {@code to}.
     *
     * @param creator the creator itself (growth of followers or videos), null otherwise
     */
    private static StatsResponses.DerivedStats derived(StatsQuery q, Series a, Series.Own creator,
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
                    Long followers = a.followers(d);
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
        var series = new StatsResponses.Series(metric, StatsQuery.unit(metric), "rate", "day", q.zone().getId(), points);
        return new StatsResponses.DerivedStats(List.of(series), baselines, Json.date(first));
    }

    private static Double growth(String base, Series a, Series.Own creator, LocalDate d) {
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
