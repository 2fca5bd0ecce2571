package com.trackagoat.stats;

import com.trackagoat.api.Tx;
import com.trackagoat.stats.RollupRepository.CreatorTarget;
import com.trackagoat.stats.RollupRepository.CreatorWrite;
import com.trackagoat.stats.RollupRepository.Run;
import com.trackagoat.stats.RollupRepository.RunDays;
import com.trackagoat.stats.RollupRepository.Span;
import com.trackagoat.stats.RollupRepository.VideoTarget;
import com.trackagoat.stats.RollupRepository.VideoWrite;
import com.trackagoat.stats.calc.DaySeries;
import com.trackagoat.stats.calc.Rollup;
import com.trackagoat.stats.calc.Snap;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the daily rollups (docs/decisions.md, "Stats rollups") equal to what the snapshots say, in
 * the transaction of the write that changed them. A writer says what it touched: the snapshots of
 * a video or creator in a time span (scrapes, backfill, pruning), or a whole entity (what counts
 * changed: review decisions, deletion, restoration, removal, reactivation). Only the days of the
 * span and the day after them are recomputed, from the snapshots of those days; the creator rows
 * and velocity sums then move by the difference. The cost follows what was written, not history.
 */
@ApplicationScoped
public class RollupService {

    /** Snapshots of an entity in [{@code from}, {@code to}] changed; both null: the entity itself changed. */
    public record Touch(UUID id, Instant from, Instant to) {
        public static Touch all(UUID id) {
            return new Touch(id, null, null);
        }

        public static Touch at(UUID id, Instant at) {
            return new Touch(id, at, at);
        }

        boolean whole() {
            return from == null;
        }
    }

    @Inject
    RollupRepository repository;

    /** A new organization: its (empty) zone is ready at once. */
    public Uni<Void> organizationCreated(Tx tx, UUID orgId, String tz) {
        return repository.createReady(tx, orgId, tz);
    }

    /**
     * Builds the organization's rollups in {@code tz} anew from its snapshots: after a change of the
     * organization's time zone, or on an admin's request (a bulk import, a fix, a new rollup column).
     * The build job ({@link RollupBuildJob}) does the work; the organization's current zone keeps
     * answering until the new one is ready and replaces it, and without a ready zone in a time zone
     * stats are computed from snapshots. Idempotent: a build already under way is the one answered.
     */
    public Uni<Long> rebuild(Tx tx, UUID orgId, String tz) {
        return repository.startBuilding(tx, orgId, tz);
    }

    /** What counts of these videos changed (review decision, deletion, restoration): their rollups are recomputed. */
    public Uni<Void> videosChanged(Tx tx, Collection<UUID> videoIds) {
        return touched(tx, videoIds.stream().map(Touch::all).toList(), List.of());
    }

    /** The creator's status changed (removal, reactivation): whether its videos count changed with it. */
    public Uni<Void> creatorChanged(Tx tx, UUID creatorId) {
        return repository.videosOf(tx, creatorId).flatMap(ids -> videosChanged(tx, ids));
    }

    /** Brings the rollups of every zone up to date with touched videos and creators. */
    public Uni<Void> touched(Tx tx, Collection<Touch> videos, Collection<Touch> creators) {
        return touched(tx, videos, creators, null);
    }

    /**
     * As {@link #touched(Tx, Collection, Collection)}; with {@code building} set, only in that zone
     * and only for entities not built there yet (the build job).
     */
    Uni<Void> touched(Tx tx, Collection<Touch> videos, Collection<Touch> creators, Long building) {
        if (videos.isEmpty() && creators.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Touch> videoTouches = merge(videos);
        Map<UUID, Touch> creatorTouches = merge(creators);
        return repository.shareBuildingZones(tx, videoTouches.keySet(), creatorTouches.keySet())
                .flatMap(v -> repository.lock(tx, videoTouches.keySet(), creatorTouches.keySet()))
                .flatMap(v -> videoTouches.isEmpty() ? Uni.createFrom().item(List.<VideoTarget>of())
                        : repository.videoTargets(tx, videoTouches.keySet()))
                .flatMap(targets -> new Batch(tx, videoTouches, creatorTouches, building).videos(targets))
                .replaceWithVoid();
    }

    /** Touches of the same entity in one batch become one span covering them all. */
    private static Map<UUID, Touch> merge(Collection<Touch> touches) {
        Map<UUID, Touch> out = new LinkedHashMap<>();
        for (Touch t : touches) {
            out.merge(t.id(), t, (a, b) -> a.whole() || b.whole() ? Touch.all(a.id())
                    : new Touch(a.id(), min(a.from(), b.from()), max(a.to(), b.to())));
        }
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static long day(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone).toEpochDay();
    }

    /** The first instant of an epoch day in the zone, in epoch seconds. */
    static long startOf(long epochDay, ZoneId zone) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
    }

    /** One batch of touches worked through its statements. */
    private final class Batch {
        private final Tx tx;
        private final Map<UUID, Touch> videoTouches;
        private final Map<UUID, Touch> creatorTouches;
        private final Long building;
        private final Map<Long, ZoneId> zones = new HashMap<>();
        private final Map<Long, Rollup.Deltas> deltas = new TreeMap<>();

        Batch(Tx tx, Map<UUID, Touch> videoTouches, Map<UUID, Touch> creatorTouches, Long building) {
            this.tx = tx;
            this.videoTouches = videoTouches;
            this.creatorTouches = creatorTouches;
            this.building = building;
        }

        /** Whether an entity is to be worked on in a zone (a zone being built gets it from the build job). */
        private boolean wanted(long zoneId, boolean zoneReady, boolean built) {
            if (building != null) {
                return zoneId == building && !built;
            }
            return zoneReady || built;
        }

        // ------------------------------------------------------------------------- videos

        private record VideoWork(VideoTarget target, ZoneId zone, Rollup.VideoState now, boolean full, Long from, Long lastChanged) {
        }

        Uni<Void> videos(List<VideoTarget> targets) {
            List<VideoWork> work = new ArrayList<>();
            for (VideoTarget t : targets) {
                if (!wanted(t.zoneId(), t.zoneReady(), t.applied() != null)) {
                    continue;
                }
                ZoneId zone = ZoneId.of(t.tz());
                zones.put(t.zoneId(), zone);
                Touch touch = videoTouches.get(t.videoId());
                Long day0 = t.postedAt() == null ? null : day(t.postedAt(), zone);
                Rollup.VideoState was = t.applied();
                Long from = touch.whole() ? null : day(touch.from(), zone);
                boolean full = touch.whole() || was == null || was.counted() != t.counted() || !Objects.equals(was.creatorId(), t.creatorId())
                        || !Objects.equals(was.day0(), day0) || was.firstDay() == null || from <= was.firstDay();
                Rollup.VideoState now = new Rollup.VideoState(t.counted(), t.creatorId(), day0,
                        full ? null : was.firstDay(), !full && was.firstZero());
                work.add(new VideoWork(t, zone, now, full, full ? null : from, full ? null : day(touch.to(), zone)));
            }
            if (work.isEmpty()) {
                return creators();
            }
            List<Run> runs = work.stream().map(w -> new Run(w.target().zoneId(), w.target().videoId(), w.from(), w.lastChanged())).toList();
            return repository.videoDays(tx, runs).flatMap(old -> {
                List<Span> spans = new ArrayList<>(work.size());
                List<Long> ends = new ArrayList<>(work.size());
                for (int i = 0; i < work.size(); i++) {
                    VideoWork w = work.get(i);
                    Long end = regionEnd(old.get(i).days(), w.lastChanged(), d -> true);
                    ends.add(end);
                    spans.add(new Span(w.target().videoId(), w.full() ? null : startOf(w.from(), w.zone()),
                            end == null ? null : startOf(end + 1, w.zone())));
                }
                return repository.videoSnapshots(tx, spans).flatMap(snaps -> writeVideos(work, old, ends, snaps));
            });
        }

        private Uni<Void> writeVideos(List<VideoWork> work, List<RunDays<DaySeries.Day>> old, List<Long> ends, List<List<Snap>> snaps) {
            List<VideoWrite> writes = new ArrayList<>(work.size());
            for (int i = 0; i < work.size(); i++) {
                VideoWork w = work.get(i);
                DaySeries.Day before = old.get(i).before();
                List<Snap> s = snaps.get(i);
                List<DaySeries.Day> days = DaySeries.days(s, before == null ? null : before.value(), w.zone(), true);
                Rollup.VideoState now = w.now();
                if (w.full()) {
                    now = new Rollup.VideoState(now.counted(), now.creatorId(), now.day0(),
                            days.isEmpty() ? null : days.get(0).epochDay(), !s.isEmpty() && DaySeries.zeroBaseline(s.get(0)));
                }
                deltas.computeIfAbsent(w.target().zoneId(), k -> new Rollup.Deltas()).add(new Rollup.VideoChange(w.target().orgId(),
                        before == null ? null : before.value(), old.get(i).days(), days, w.target().applied(), now, w.full()));
                writes.add(diff(w.target().zoneId(), w.target().videoId(), old.get(i).days(), days, now));
            }
            return repository.writeVideos(tx, writes).flatMap(v -> creators());
        }

        // ----------------------------------------------------------------------- creators

        private record CreatorWork(long zoneId, UUID creatorId, ZoneId zone, TreeMap<Long, long[]> steps, boolean ownFull, Long ownFrom,
                                   Long ownLastChanged) {
            boolean own() {
                return ownFull || ownFrom != null;
            }

            /** The first day whose row may change (null: all). */
            Long from() {
                if (ownFull) {
                    return null;
                }
                Long first = steps.isEmpty() ? null : steps.firstKey();
                if (ownFrom == null || first == null) {
                    return ownFrom == null ? first : ownFrom;
                }
                return Long.valueOf(Math.min(first, ownFrom));
            }
        }

        Uni<Void> creators() {
            Uni<List<CreatorTarget>> targets = creatorTouches.isEmpty() ? Uni.createFrom().item(List.of())
                    : repository.creatorTargets(tx, creatorTouches.keySet());
            return targets.flatMap(this::creators);
        }

        private Uni<Void> creators(List<CreatorTarget> targets) {
            Map<String, CreatorWork> work = new LinkedHashMap<>();
            for (CreatorTarget t : targets) {
                if (!wanted(t.zoneId(), t.zoneReady(), t.built())) {
                    continue;
                }
                ZoneId zone = ZoneId.of(t.tz());
                zones.put(t.zoneId(), zone);
                Touch touch = creatorTouches.get(t.creatorId());
                boolean full = touch.whole() || !t.built();
                work.put(t.zoneId() + "|" + t.creatorId(), new CreatorWork(t.zoneId(), t.creatorId(), zone, new TreeMap<>(), full,
                        full ? null : day(touch.from(), zone), full ? null : day(touch.to(), zone)));
            }
            deltas.forEach((zoneId, d) -> d.creatorSteps().forEach((creatorId, steps) -> work.merge(zoneId + "|" + creatorId,
                    new CreatorWork(zoneId, creatorId, zones.get(zoneId), steps, false, null, null),
                    (a, b) -> new CreatorWork(a.zoneId(), a.creatorId(), a.zone(), b.steps(), a.ownFull(), a.ownFrom(), a.ownLastChanged()))));
            List<CreatorWork> list = List.copyOf(work.values());
            if (list.isEmpty()) {
                return velocity();
            }
            List<Run> runs = list.stream().map(w -> new Run(w.zoneId(), w.creatorId(), w.from(), null)).toList();
            return repository.creatorDays(tx, runs).flatMap(rows -> {
                List<Span> spans = new ArrayList<>();
                List<Integer> spanOf = new ArrayList<>();
                List<Long> ends = new ArrayList<>();
                List<long[]> befores = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    CreatorWork w = list.get(i);
                    Long end = null;
                    long[] before = null;
                    if (w.own()) {
                        end = w.ownFull() ? null : regionEnd(rows.get(i).days(), w.ownLastChanged(), d -> d.ownSnapshot);
                        before = w.ownFull() ? null : ownBefore(rows.get(i), w.ownFrom());
                        spanOf.add(spans.size());
                        spans.add(new Span(w.creatorId(), w.ownFull() ? null : startOf(w.ownFrom(), w.zone()),
                                end == null ? null : startOf(end + 1, w.zone())));
                    } else {
                        spanOf.add(-1);
                    }
                    ends.add(end);
                    befores.add(before);
                }
                return repository.creatorSnapshots(tx, spans).flatMap(snaps -> {
                    List<CreatorWrite> writes = new ArrayList<>(list.size());
                    for (int i = 0; i < list.size(); i++) {
                        CreatorWork w = list.get(i);
                        Rollup.OwnChange own = null;
                        if (w.own()) {
                            List<DaySeries.Day> days = DaySeries.days(snaps.get(spanOf.get(i)), befores.get(i), w.zone(), false);
                            own = new Rollup.OwnChange(w.ownFull() ? Long.MIN_VALUE : w.ownFrom(), ends.get(i), befores.get(i), days);
                        }
                        Rollup.Applied applied = Rollup.apply(rows.get(i).before(), rows.get(i).days(), w.steps(), own);
                        writes.add(new CreatorWrite(w.zoneId(), w.creatorId(), applied.changed(), applied.removed(), w.ownFull()));
                    }
                    return repository.writeCreators(tx, writes);
                }).flatMap(v -> velocity());
            });
        }

        /** The creator's own carried counters on the day before {@code from}. */
        private long[] ownBefore(RunDays<Rollup.CreatorDay> rows, long from) {
            long[] own = rows.before() == null ? null : rows.before().own;
            for (Rollup.CreatorDay d : rows.days()) {
                if (d.day < from) {
                    own = d.own;
                }
            }
            return own;
        }

        // ----------------------------------------------------------------------- velocity

        Uni<Void> velocity() {
            List<Long> zoneIds = new ArrayList<>();
            List<UUID> owners = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            List<Long> sums = new ArrayList<>();
            List<Integer> samples = new ArrayList<>();
            deltas.forEach((zoneId, d) -> d.velocity().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(owner -> owner.getValue().forEach((n, acc) -> {
                        if (acc[0] != 0 || acc[1] != 0) {
                            zoneIds.add(zoneId);
                            owners.add(owner.getKey());
                            numbers.add(n);
                            sums.add(acc[0]);
                            samples.add((int) acc[1]);
                        }
                    })));
            return repository.addVelocity(tx, zoneIds.toArray(Long[]::new), owners.toArray(UUID[]::new), numbers.toArray(Integer[]::new),
                    sums.toArray(Long[]::new), samples.toArray(Integer[]::new));
        }
    }

    /** The rows of a recomputed run to delete and to write: only what differs from what is stored. */
    private static VideoWrite diff(long zoneId, UUID videoId, List<DaySeries.Day> old, List<DaySeries.Day> now, Rollup.VideoState state) {
        Map<Long, DaySeries.Day> stored = new HashMap<>();
        old.forEach(d -> stored.put(d.epochDay(), d));
        List<DaySeries.Day> changed = new ArrayList<>();
        for (DaySeries.Day d : now) {
            DaySeries.Day before = stored.remove(d.epochDay());
            if (before == null || !java.util.Arrays.equals(before.value(), d.value()) || !java.util.Arrays.equals(before.gain(), d.gain())) {
                changed.add(d);
            }
        }
        return new VideoWrite(zoneId, videoId, List.copyOf(stored.keySet()), changed, state);
    }

    /**
     * The last day of a recomputed run: the first row after {@code lastChanged} that qualifies (its
     * gain depends on the changed days), or null (the run goes to the end) when there is none or
     * the whole history is recomputed.
     */
    private static <D> Long regionEnd(List<D> days, Long lastChanged, java.util.function.Predicate<D> qualifies) {
        if (lastChanged == null) {
            return null;
        }
        for (D d : days) {
            long day = d instanceof DaySeries.Day v ? v.epochDay() : ((Rollup.CreatorDay) d).day;
            if (day > lastChanged && qualifies.test(d)) {
                return day;
            }
        }
        return null;
    }
}
