package com.trackagoat.stats.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The math of the daily rollups (docs/decisions.md, "Stats rollups"), pure: what a change of one
 * video's days does to its creator's per-day aggregates and to the velocity sums of its creator and
 * organization, as deltas of the changed days only, and how those deltas and a creator's own
 * re-bucketed days land on the creator's day rows. The day rows themselves are {@link DaySeries#days}.
 */
public final class Rollup {

    /** Counters of a video day (views, likes, comments, shares, saves). */
    public static final int VIDEO = 5;
    /** Counters of a creator day (followers, following, likes, videos). */
    public static final int CREATOR = 4;

    private Rollup() {
    }

    /**
     * What the rollups hold for one video in one zone, or what they must hold now: whether it is
     * counted, its creator, the epoch day of {@code posted_at} (null when unknown), and its first
     * day with a snapshot and whether that day's first snapshot is a zero baseline (velocity start).
     */
    public record VideoState(boolean counted, UUID creatorId, Long day0, Long firstDay, boolean firstZero) {

        /** The velocity start day number, null when the video has no velocity. */
        public Long start() {
            return day0 == null || firstDay == null ? null : Velocity.start(firstDay, firstZero, day0);
        }

        /** Whether the video's contribution to velocity sums is placed the same way in both states. */
        public boolean sameWindow(VideoState other) {
            return other != null && counted == other.counted && java.util.Objects.equals(creatorId, other.creatorId)
                    && java.util.Objects.equals(start(), other.start()) && java.util.Objects.equals(day0, other.day0);
        }
    }

    /**
     * One video's days recomputed: {@code oldDays} were its rows in the recomputed run, {@code newDays}
     * are the rows now, {@code before} is the day value of the row before the run (null when none);
     * {@code full} when the run is the whole history (required whenever the velocity window, the
     * creator or the counted status changed). {@code was} is null when the video had no rollup yet.
     */
    public record VideoChange(UUID orgId, long[] before, List<DaySeries.Day> oldDays, List<DaySeries.Day> newDays, VideoState was,
                              VideoState now, boolean full) {
    }

    /**
     * The deltas of a batch of video changes: per creator, a step of the carried totals and the
     * change of the summed gains at each changed day; per creator and per organization, the change
     * of the sum and count of {@code views_gained} per day number.
     */
    public static final class Deltas {
        /** creator → day → [carried step ×5, gain delta ×5, gain count delta]. */
        private final Map<UUID, TreeMap<Long, long[]>> creators = new HashMap<>();
        /** creator or organization → day number → [gain sum delta, sample delta]. */
        private final Map<UUID, TreeMap<Integer, long[]>> velocity = new HashMap<>();

        public void add(VideoChange change) {
            if (!change.full() && !change.now().sameWindow(change.was())) {
                throw new IllegalArgumentException("a partial run needs the same velocity window before and after");
            }
            side(change.orgId(), change.was(), change.before(), change.oldDays(), -1);
            side(change.orgId(), change.now(), change.before(), change.newDays(), 1);
        }

        private void side(UUID orgId, VideoState state, long[] previous, List<DaySeries.Day> days, int sign) {
            if (state == null || !state.counted()) {
                return;
            }
            if (state.creatorId() != null) {
                TreeMap<Long, long[]> steps = creators.computeIfAbsent(state.creatorId(), k -> new TreeMap<>());
                long[] before = previous;
                for (DaySeries.Day d : days) {
                    long[] step = steps.computeIfAbsent(d.epochDay(), k -> new long[2 * VIDEO + 1]);
                    for (int k = 0; k < VIDEO; k++) {
                        step[k] += sign * (d.value()[k] - (before == null ? 0 : before[k]));
                    }
                    if (d.gain() != null) {
                        for (int k = 0; k < VIDEO; k++) {
                            step[VIDEO + k] += sign * d.gain()[k];
                        }
                        step[2 * VIDEO] += sign;
                    }
                    before = d.value();
                }
            }
            Long start = state.start();
            if (start == null) {
                return;
            }
            for (DaySeries.Day d : days) {
                long n = d.epochDay() - state.day0();
                if (d.gain() != null && Velocity.inWindow(n, start)) {
                    velocity(orgId, (int) n, sign * d.gain()[0], sign);
                    if (state.creatorId() != null) {
                        velocity(state.creatorId(), (int) n, sign * d.gain()[0], sign);
                    }
                }
            }
        }

        private void velocity(UUID owner, int n, long gain, int sample) {
            long[] acc = velocity.computeIfAbsent(owner, k -> new TreeMap<>()).computeIfAbsent(n, k -> new long[2]);
            acc[0] += gain;
            acc[1] += sample;
        }

        /**
         * Per creator, per changed day: the change of the carried totals' step (each side's step is
         * the change of {@code CV} from its previous row, the first from the row before the run).
         */
        public Map<UUID, TreeMap<Long, long[]>> creatorSteps() {
            return creators;
        }

        public Map<UUID, TreeMap<Integer, long[]>> velocity() {
            return velocity;
        }
    }

    /** One row of a creator's day rollup; mutable while a change is applied. */
    public static final class CreatorDay {
        public final long day;
        /** C: carried totals of the counted videos. */
        public final long[] totals;
        /** G: summed gains of the day. */
        public final long[] gains;
        /** Number of counted videos with a gain that day (G is none when 0). */
        public int gainCount;
        /** The creator's own carried counters, null before its first snapshot. */
        public long[] own;
        /** Whether the creator has a snapshot that day. */
        public boolean ownSnapshot;
        /** The creator's own attributed gain of the day, null when none. */
        public long[] ownGain;

        public CreatorDay(long day, long[] totals, long[] gains, int gainCount, long[] own, boolean ownSnapshot, long[] ownGain) {
            this.day = day;
            this.totals = totals;
            this.gains = gains;
            this.gainCount = gainCount;
            this.own = own;
            this.ownSnapshot = ownSnapshot;
            this.ownGain = ownGain;
        }

        /** A new row on {@code day} carrying the previous row's totals and own counters (none before the first). */
        static CreatorDay carrying(long day, CreatorDay previous) {
            return new CreatorDay(day, previous == null ? new long[VIDEO] : previous.totals.clone(), new long[VIDEO], 0,
                    previous == null ? null : previous.own, false, null);
        }
    }

    /**
     * The creator's own days recomputed over [{@code from}, {@code to}] ({@code to} null: to the
     * end): {@code days} are its rows there, {@code before} its carried counters on the day before
     * {@code from} (null when none).
     */
    public record OwnChange(long from, Long to, long[] before, List<DaySeries.Day> days) {
    }

    /** What applying a change does to a creator's rows: the rows to write and the days whose rows go. */
    public record Applied(List<CreatorDay> changed, List<Long> removed) {
    }

    /**
     * Applies a creator's video steps and own change to its day rows. The rows stay canonical: a
     * row that says nothing its predecessor does not carry (same totals and own counters, no gain,
     * no own snapshot) is removed, so that the rows depend only on the snapshots, not on the order
     * of the changes that led to them (a rebuild gives the same rows).
     *
     * @param previous the creator's row before the first changed day, or null
     * @param existing its rows from the first changed day on, ascending
     * @param steps    day → carried step, gain delta and gain count delta (may be empty)
     * @param own      the creator's own change, or null
     * @return the rows created or changed, ascending, and the days of existing rows to remove
     */
    public static Applied apply(CreatorDay previous, List<CreatorDay> existing, TreeMap<Long, long[]> steps, OwnChange own) {
        TreeMap<Long, CreatorDay> rows = new TreeMap<>();
        existing.forEach(r -> rows.put(r.day, r));
        List<Long> needed = new ArrayList<>(steps.keySet());
        if (own != null) {
            own.days().forEach(d -> needed.add(d.epochDay()));
        }
        Map<Long, CreatorDay> created = new HashMap<>();
        for (long day : needed) {
            if (!rows.containsKey(day) && !created.containsKey(day)) {
                Map.Entry<Long, CreatorDay> before = rows.lowerEntry(day);
                created.put(day, CreatorDay.carrying(day, before != null ? before.getValue() : previous));
            }
        }
        rows.putAll(created);
        TreeMap<Long, DaySeries.Day> ownDays = new TreeMap<>();
        if (own != null) {
            own.days().forEach(d -> ownDays.put(d.epochDay(), d));
        }
        List<CreatorDay> changed = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        CreatorDay kept = previous;
        long[] running = new long[VIDEO];
        for (CreatorDay row : rows.values()) {
            boolean dirty = created.containsKey(row.day);
            long[] step = steps.get(row.day);
            if (step != null) {
                for (int k = 0; k < VIDEO; k++) {
                    running[k] += step[k];
                    row.gains[k] += step[VIDEO + k];
                }
                row.gainCount += (int) step[2 * VIDEO];
                dirty = true;
            }
            for (int k = 0; k < VIDEO; k++) {
                if (running[k] != 0) {
                    row.totals[k] += running[k];
                    dirty = true;
                }
            }
            if (own != null && row.day >= own.from() && (own.to() == null || row.day <= own.to())) {
                Map.Entry<Long, DaySeries.Day> latest = ownDays.floorEntry(row.day);
                DaySeries.Day today = ownDays.get(row.day);
                row.own = latest != null ? latest.getValue().value() : own.before();
                row.ownSnapshot = today != null;
                row.ownGain = today == null ? null : today.gain();
                dirty = true;
            }
            if (redundant(row, kept)) {
                if (!created.containsKey(row.day)) {
                    removed.add(row.day);
                }
            } else {
                if (dirty) {
                    changed.add(row);
                }
                kept = row;
            }
        }
        return new Applied(changed, removed);
    }

    /** Whether the row only carries {@code before} (null: nothing before it): no gain, no own snapshot, the same values. */
    static boolean redundant(CreatorDay row, CreatorDay before) {
        if (row.gainCount != 0 || row.ownSnapshot || row.ownGain != null) {
            return false;
        }
        for (int k = 0; k < VIDEO; k++) {
            if (row.gains[k] != 0 || row.totals[k] != (before == null ? 0 : before.totals[k])) {
                return false;
            }
        }
        return java.util.Arrays.equals(row.own, before == null ? null : before.own);
    }
}
