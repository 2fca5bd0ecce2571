package com.trackagoat.stats;

import com.trackagoat.api.Tx;
import com.trackagoat.stats.calc.DaySeries;
import com.trackagoat.stats.calc.Rollup;
import com.trackagoat.stats.calc.Snap;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * SQL of the rollup maintenance (docs/decisions.md, "Stats rollups"). Every statement takes a batch
 * as parallel arrays and runs in the caller's transaction ({@link Tx}: a pool connection or the
 * Panache session). Days travel as epoch days, instants as epoch seconds or microseconds.
 */
@ApplicationScoped
public class RollupRepository {

    static final String EPOCH = "DATE '1970-01-01'";
    static final String COUNTED = StatsRepository.COUNTED;

    /** A rollup zone: one organization's days in one time zone. */
    public record Zone(long id, UUID orgId, String tz, boolean ready) {
    }

    /** The zones being built or ready of the organizations, oldest first. */
    public Uni<List<Zone>> zones(Tx tx, Collection<UUID> orgIds) {
        return tx.rows("SELECT id, org_id, tz, state = 'ready' FROM rollup_zone WHERE org_id = ANY($1) ORDER BY id",
                (Object) orgIds.toArray(UUID[]::new)).map(rows -> rows.stream()
                .map(r -> new Zone(num(r[0]), (UUID) r[1], (String) r[2], (Boolean) r[3])).toList());
    }

    /**
     * Share-locks the zones being built of the entities' organizations, so that a zone is not
     * declared built while this transaction may still add an entity it has not seen.
     */
    public Uni<Void> shareBuildingZones(Tx tx, Collection<UUID> videoIds, Collection<UUID> creatorIds) {
        return tx.rows("""
                        SELECT z.id FROM rollup_zone z
                        WHERE z.state = 'building' AND z.org_id IN (SELECT org_id FROM video WHERE id = ANY($1)
                                                                    UNION SELECT org_id FROM creator WHERE id = ANY($2))
                        ORDER BY z.id FOR SHARE""", videoIds.toArray(UUID[]::new), creatorIds.toArray(UUID[]::new)).replaceWithVoid();
    }

    /**
     * Takes the transaction-scoped rollup locks of the given videos and creators, in key order: one
     * per creator (its videos' and its own rows, and its velocity sums, change together), one per
     * video without a creator. Writers of one creator's rollups so never interleave. The creators the
     * rollups hold are looked up by primary key per (zone of the video's organization, video): a
     * join the planner may flatten reads the whole of video_rollup instead (OFFSET 0 keeps it a loop).
     */
    public Uni<Void> lock(Tx tx, Collection<UUID> videoIds, Collection<UUID> creatorIds) {
        return tx.rows("""
                        SELECT count(pg_advisory_xact_lock(k)) FROM (
                            SELECT DISTINCT hashtextextended(k::text, 7) AS k FROM (
                                SELECT coalesce(v.creator_id, v.id) FROM video v WHERE v.id = ANY($1)
                                UNION ALL SELECT r.creator_id FROM video v CROSS JOIN LATERAL (
                                    SELECT r.creator_id FROM rollup_zone z JOIN video_rollup r ON r.zone_id = z.id AND r.video_id = v.id
                                    WHERE z.org_id = v.org_id OFFSET 0) r
                                    WHERE v.id = ANY($1) AND r.creator_id IS NOT NULL
                                UNION ALL SELECT unnest($2::uuid[])) ids(k)
                            ORDER BY 1 OFFSET 0) keys""",
                videoIds.toArray(UUID[]::new), creatorIds.toArray(UUID[]::new)).replaceWithVoid();
    }

    /** A video in one zone: what the zone holds for it (null when not built) and what it must hold now. */
    public record VideoTarget(long zoneId, String tz, boolean zoneReady, UUID videoId, UUID orgId, Rollup.VideoState applied,
                              boolean counted, UUID creatorId, Instant postedAt) {
    }

    /** The videos in every zone of their organization. */
    public Uni<List<VideoTarget>> videoTargets(Tx tx, Collection<UUID> videoIds) {
        return tx.rows("""
                        SELECT z.id, v.id, v.org_id, r.video_id IS NOT NULL, r.counted, r.creator_id, r.day0 - %1$s, r.first_day - %1$s,
                               r.first_zero, (%2$s) AS counted_now, v.creator_id, (extract(epoch FROM v.posted_at) * 1000000)::bigint,
                               z.tz, z.state = 'ready'
                        FROM video v JOIN rollup_zone z ON z.org_id = v.org_id
                        LEFT JOIN video_rollup r ON r.zone_id = z.id AND r.video_id = v.id
                        WHERE v.id = ANY($1)""".formatted(EPOCH, COUNTED), (Object) videoIds.toArray(UUID[]::new))
                .map(rows -> rows.stream().map(r -> new VideoTarget(num(r[0]), (String) r[12], (Boolean) r[13], (UUID) r[1], (UUID) r[2],
                        (Boolean) r[3] ? new Rollup.VideoState((Boolean) r[4], (UUID) r[5], optNum(r[6]), optNum(r[7]), (Boolean) r[8]) : null,
                        (Boolean) r[9], (UUID) r[10], r[11] == null ? null : micros(num(r[11])))).toList());
    }

    /** A creator in one zone of its organization, and whether it is built there. */
    public record CreatorTarget(long zoneId, String tz, boolean zoneReady, UUID creatorId, UUID orgId, boolean built) {
    }

    public Uni<List<CreatorTarget>> creatorTargets(Tx tx, Collection<UUID> creatorIds) {
        return tx.rows("""
                        SELECT z.id, c.id, c.org_id, cr.creator_id IS NOT NULL, z.tz, z.state = 'ready'
                        FROM creator c JOIN rollup_zone z ON z.org_id = c.org_id
                        LEFT JOIN creator_rollup cr ON cr.zone_id = z.id AND cr.creator_id = c.id
                        WHERE c.id = ANY($1)""", (Object) creatorIds.toArray(UUID[]::new))
                .map(rows -> rows.stream().map(r -> new CreatorTarget(num(r[0]), (String) r[4], (Boolean) r[5], (UUID) r[1], (UUID) r[2],
                        (Boolean) r[3])).toList());
    }

    /** A run of days to read: entity {@code id} in zone {@code zoneId} from day {@code from} (null: all) on. */
    public record Run(long zoneId, UUID id, Long from, Long lastChanged) {
    }

    /**
     * Per run (by index): the row before the run (or null) and the run's rows: from {@code from}
     * to the first row after {@code lastChanged} (whose gain depends on the changed days), or to
     * the end when there is none or {@code lastChanged} is null.
     */
    public record RunDays<D>(D before, List<D> days) {
    }

    public Uni<List<RunDays<DaySeries.Day>>> videoDays(Tx tx, List<Run> runs) {
        return days(tx, runs, "video_day", "video_id", VIDEO_DAY_COLUMNS, RollupRepository::videoDay);
    }

    public Uni<List<RunDays<Rollup.CreatorDay>>> creatorDays(Tx tx, List<Run> runs) {
        return days(tx, runs, "creator_day", "creator_id", CREATOR_DAY_COLUMNS, RollupRepository::creatorDay);
    }

    static final String VIDEO_DAY_COLUMNS = "views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves";

    /** A video_day row selected as (any, any, epoch day, VIDEO_DAY_COLUMNS). */
    static DaySeries.Day videoDay(Object[] r) {
        return new DaySeries.Day(num(r[2]), longs(r, 3, Rollup.VIDEO), optLongs(r, 3 + Rollup.VIDEO, Rollup.VIDEO));
    }

    /** A creator_day row selected as (any, any, epoch day, CREATOR_DAY_COLUMNS). */
    static Rollup.CreatorDay creatorDay(Object[] r) {
        return new Rollup.CreatorDay(num(r[2]), longs(r, 3, 5), longs(r, 8, 5), (int) num(r[13]), optLongs(r, 14, 4), (Boolean) r[18],
                optLongs(r, 19, 4));
    }

    static final String CREATOR_DAY_COLUMNS = "views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares, g_saves, "
            + "g_count, followers, following, likes_count, video_count, own_snapshot, og_followers, og_following, og_likes, og_videos";

    private <D> Uni<List<RunDays<D>>> days(Tx tx, List<Run> runs, String table, String idColumn, String columns,
                                           java.util.function.Function<Object[], D> row) {
        int n = runs.size();
        Long[] zones = new Long[n];
        UUID[] ids = new UUID[n];
        Integer[] from = new Integer[n];
        Integer[] last = new Integer[n];
        for (int i = 0; i < n; i++) {
            Run run = runs.get(i);
            zones[i] = run.zoneId();
            ids[i] = run.id();
            from[i] = run.from() == null ? null : run.from().intValue();
            last[i] = run.lastChanged() == null ? null : run.lastChanged().intValue();
        }
        String sql = """
                WITH u AS (
                    SELECT u.*, (SELECT min(e.day) FROM %2$s e WHERE e.zone_id = u.zone AND e.%3$s = u.id AND u.last IS NOT NULL
                                                              AND e.day > %1$s + u.last) AS upto
                    FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::int[]) WITH ORDINALITY AS u(zone, id, start, last, i))
                SELECT u.i, 0, p.day - %1$s, %4$s FROM u CROSS JOIN LATERAL (
                    SELECT * FROM %2$s p WHERE p.zone_id = u.zone AND p.%3$s = u.id AND u.start IS NOT NULL AND p.day < %1$s + u.start
                    ORDER BY p.day DESC LIMIT 1) p
                UNION ALL
                SELECT u.i, 1, r.day - %1$s, %5$s FROM u JOIN %2$s r ON r.zone_id = u.zone AND r.%3$s = u.id
                    AND r.day >= coalesce(%1$s + u.start, '-infinity'::date) AND r.day <= coalesce(u.upto, 'infinity'::date)
                ORDER BY 1, 2, 3""".formatted(EPOCH, table, idColumn, prefixed("p", columns), prefixed("r", columns));
        return tx.rows(sql, zones, ids, from, last).map(rows -> {
            List<D> before = new ArrayList<>(java.util.Collections.nCopies(n, null));
            List<List<D>> days = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                days.add(new ArrayList<>());
            }
            for (Object[] r : rows) {
                int i = (int) num(r[0]) - 1;
                if (num(r[1]) == 0) {
                    before.set(i, row.apply(r));
                } else {
                    days.get(i).add(row.apply(r));
                }
            }
            List<RunDays<D>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new RunDays<>(before.get(i), days.get(i)));
            }
            return out;
        });
    }

    static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(c);
        }
        return out.toString();
    }

    /** A span of snapshots to read: [{@code from}, {@code to}) in epoch seconds, each end null when open. */
    public record Span(UUID id, Long from, Long to) {
    }

    /** Per span (by index): the video snapshots in it, oldest first. */
    public Uni<List<List<Snap>>> videoSnapshots(Tx tx, List<Span> spans) {
        return snapshots(tx, spans, "video_snapshot", "video_id", "view_count, like_count, comment_count, share_count, save_count", Rollup.VIDEO);
    }

    /** Per span (by index): the creator snapshots in it, oldest first. */
    public Uni<List<List<Snap>>> creatorSnapshots(Tx tx, List<Span> spans) {
        return snapshots(tx, spans, "creator_snapshot", "creator_id", "follower_count, following_count, likes_count, video_count", Rollup.CREATOR);
    }

    private Uni<List<List<Snap>>> snapshots(Tx tx, List<Span> spans, String table, String idColumn, String counters, int width) {
        int n = spans.size();
        UUID[] ids = new UUID[n];
        Long[] from = new Long[n];
        Long[] to = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = spans.get(i).id();
            from[i] = spans.get(i).from();
            to[i] = spans.get(i).to();
        }
        String sql = """
                SELECT u.i, (extract(epoch FROM s.captured_at) * 1000000)::bigint, s.is_baseline, %3$s
                FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS u(id, f, t, i)
                JOIN %1$s s ON s.%2$s = u.id AND (u.f IS NULL OR s.captured_at >= to_timestamp(u.f)) AND (u.t IS NULL OR s.captured_at < to_timestamp(u.t))
                ORDER BY u.i, s.captured_at""".formatted(table, idColumn, prefixed("s", counters));
        return tx.rows(sql, ids, from, to).map(rows -> {
            List<List<Snap>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
            }
            for (Object[] r : rows) {
                out.get((int) num(r[0]) - 1).add(new Snap(micros(num(r[1])), longs(r, 3, width), (Boolean) r[2]));
            }
            return out;
        });
    }

    /**
     * One video in a zone after a recomputation: the days that no longer hold a snapshot, the days
     * that are new or changed, and what the zone now holds for the video.
     */
    public record VideoWrite(long zoneId, UUID videoId, List<Long> removed, List<DaySeries.Day> changed, Rollup.VideoState state) {
    }

    public Uni<Void> writeVideos(Tx tx, List<VideoWrite> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = writes.size();
        Long[] zones = new Long[n];
        UUID[] ids = new UUID[n];
        UUID[] creators = new UUID[n];
        Boolean[] counted = new Boolean[n];
        Integer[] day0 = new Integer[n];
        Integer[] first = new Integer[n];
        Boolean[] firstZero = new Boolean[n];
        DayKeys removed = new DayKeys();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            VideoWrite w = writes.get(i);
            zones[i] = w.zoneId();
            ids[i] = w.videoId();
            creators[i] = w.state().creatorId();
            counted[i] = w.state().counted();
            day0[i] = w.state().day0() == null ? null : w.state().day0().intValue();
            first[i] = w.state().firstDay() == null ? null : w.state().firstDay().intValue();
            firstZero[i] = w.state().firstZero();
            removed.add(w.zoneId(), w.videoId(), w.removed());
            for (DaySeries.Day d : w.changed()) {
                rows.add(new Object[]{w.zoneId(), w.videoId(), d});
            }
        }
        int m = rows.size();
        Long[] rz = new Long[m];
        UUID[] rv = new UUID[m];
        Integer[] rd = new Integer[m];
        Long[][] values = new Long[2 * Rollup.VIDEO][m];
        for (int j = 0; j < m; j++) {
            Object[] r = rows.get(j);
            DaySeries.Day d = (DaySeries.Day) r[2];
            rz[j] = (Long) r[0];
            rv[j] = (UUID) r[1];
            rd[j] = (int) d.epochDay();
            for (int k = 0; k < Rollup.VIDEO; k++) {
                values[k][j] = d.value()[k];
                values[Rollup.VIDEO + k][j] = d.gain() == null ? null : d.gain()[k];
            }
        }
        return removed.delete(tx, "video_day", "video_id")
                .flatMap(x -> m == 0 ? Uni.createFrom().item(0) : tx.update("""
                        INSERT INTO video_day (zone_id, video_id, day, views, likes, comments, shares, saves,
                                               g_views, g_likes, g_comments, g_shares, g_saves)
                        SELECT u.zone, u.id, %1$s + u.d, u.v1, u.v2, u.v3, u.v4, u.v5, u.g1, u.g2, u.g3, u.g4, u.g5
                        FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[],
                                    $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])
                             AS u(zone, id, d, v1, v2, v3, v4, v5, g1, g2, g3, g4, g5)
                        ON CONFLICT (zone_id, video_id, day) DO UPDATE SET views = excluded.views, likes = excluded.likes,
                            comments = excluded.comments, shares = excluded.shares, saves = excluded.saves, g_views = excluded.g_views,
                            g_likes = excluded.g_likes, g_comments = excluded.g_comments, g_shares = excluded.g_shares,
                            g_saves = excluded.g_saves""".formatted(EPOCH),
                        concat(new Object[]{rz, rv, rd}, values, new Object[0])))
                .flatMap(x -> tx.update("""
                        INSERT INTO video_rollup (zone_id, video_id, creator_id, counted, day0, first_day, first_zero)
                        SELECT u.zone, u.id, u.creator, u.counted, %1$s + u.day0, %1$s + u.first, u.zero
                        FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::boolean[], $5::int[], $6::int[], $7::boolean[])
                             AS u(zone, id, creator, counted, day0, first, zero)
                        ON CONFLICT (zone_id, video_id) DO UPDATE SET creator_id = excluded.creator_id, counted = excluded.counted,
                            day0 = excluded.day0, first_day = excluded.first_day, first_zero = excluded.first_zero""".formatted(EPOCH),
                        zones, ids, creators, counted, day0, first, firstZero))
                .replaceWithVoid();
    }

    /** Creator day rows of one zone to upsert; {@code built}: the creator's own days were all computed (it is built there). */
    /** A creator's rows to write and the days of its rows to delete in a zone; {@code built}: its own snapshots are all in. */
    public record CreatorWrite(long zoneId, UUID creatorId, List<Rollup.CreatorDay> days, List<Long> removed, boolean built) {
    }

    public Uni<Void> writeCreators(Tx tx, List<CreatorWrite> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> rows = new ArrayList<>();
        for (CreatorWrite w : writes) {
            for (Rollup.CreatorDay d : w.days()) {
                rows.add(new Object[]{w.zoneId(), w.creatorId(), d});
            }
        }
        int m = rows.size();
        Long[] rz = new Long[m];
        UUID[] rc = new UUID[m];
        Integer[] rd = new Integer[m];
        Long[][] values = new Long[18][m];
        Integer[] gCount = new Integer[m];
        Boolean[] ownSnap = new Boolean[m];
        for (int j = 0; j < m; j++) {
            Object[] r = rows.get(j);
            Rollup.CreatorDay d = (Rollup.CreatorDay) r[2];
            rz[j] = (Long) r[0];
            rc[j] = (UUID) r[1];
            rd[j] = (int) d.day;
            for (int k = 0; k < 5; k++) {
                values[k][j] = d.totals[k];
                values[5 + k][j] = d.gains[k];
            }
            for (int k = 0; k < 4; k++) {
                values[10 + k][j] = d.own == null ? null : d.own[k];
                values[14 + k][j] = d.ownGain == null ? null : d.ownGain[k];
            }
            gCount[j] = d.gainCount;
            ownSnap[j] = d.ownSnapshot;
        }
        DayKeys removed = new DayKeys();
        writes.forEach(w -> removed.add(w.zoneId(), w.creatorId(), w.removed()));
        Uni<Integer> deleted = removed.delete(tx, "creator_day", "creator_id");
        Long[] zones = writes.stream().filter(CreatorWrite::built).map(CreatorWrite::zoneId).toArray(Long[]::new);
        UUID[] creators = writes.stream().filter(CreatorWrite::built).map(CreatorWrite::creatorId).toArray(UUID[]::new);
        Uni<Integer> upsert = m == 0 ? deleted : deleted.flatMap(x -> tx.update("""
                INSERT INTO creator_day (zone_id, creator_id, day, views, likes, comments, shares, saves, g_views, g_likes, g_comments, g_shares,
                                         g_saves, followers, following, likes_count, video_count, og_followers, og_following, og_likes,
                                         og_videos, g_count, own_snapshot)
                SELECT u.zone, u.id, %1$s + u.d, u.c1, u.c2, u.c3, u.c4, u.c5, u.g1, u.g2, u.g3, u.g4, u.g5, u.o1, u.o2, u.o3, u.o4,
                       u.og1, u.og2, u.og3, u.og4, u.gn, u.own
                FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[],
                            $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[],
                            $16::bigint[], $17::bigint[], $18::bigint[], $19::bigint[], $20::bigint[], $21::bigint[], $22::int[], $23::boolean[])
                     AS u(zone, id, d, c1, c2, c3, c4, c5, g1, g2, g3, g4, g5, o1, o2, o3, o4, og1, og2, og3, og4, gn, own)
                ORDER BY 1, 2, 3
                ON CONFLICT (zone_id, creator_id, day) DO UPDATE SET views = excluded.views, likes = excluded.likes,
                    comments = excluded.comments, shares = excluded.shares, saves = excluded.saves, g_views = excluded.g_views,
                    g_likes = excluded.g_likes, g_comments = excluded.g_comments, g_shares = excluded.g_shares, g_saves = excluded.g_saves,
                    followers = excluded.followers, following = excluded.following, likes_count = excluded.likes_count,
                    video_count = excluded.video_count, og_followers = excluded.og_followers, og_following = excluded.og_following,
                    og_likes = excluded.og_likes, og_videos = excluded.og_videos, g_count = excluded.g_count,
                    own_snapshot = excluded.own_snapshot""".formatted(EPOCH),
                concat(new Object[]{rz, rc, rd}, values, new Object[]{gCount, ownSnap})));
        return upsert.flatMap(x -> zones.length == 0 ? Uni.createFrom().item(0) : tx.update("""
                        INSERT INTO creator_rollup (zone_id, creator_id) SELECT * FROM unnest($1::bigint[], $2::uuid[]) ON CONFLICT DO NOTHING""",
                        zones, creators))
                .replaceWithVoid();
    }

    /** Adds to velocity sums: per (zone, owner, day number), a gain sum and sample count delta; in key order. */
    public Uni<Void> addVelocity(Tx tx, Long[] zones, UUID[] owners, Integer[] dayNumbers, Long[] sums, Integer[] samples) {
        if (zones.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return tx.update("""
                        INSERT INTO velocity_sum (zone_id, owner_id, day_number, gain_sum, sample_size)
                        SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::bigint[], $5::int[]) ORDER BY 1, 2, 3
                        ON CONFLICT (zone_id, owner_id, day_number) DO UPDATE SET gain_sum = velocity_sum.gain_sum + excluded.gain_sum,
                            sample_size = velocity_sum.sample_size + excluded.sample_size""", zones, owners, dayNumbers, sums, samples)
                .replaceWithVoid();
    }

    /** The videos of a creator. */
    public Uni<List<UUID>> videosOf(Tx tx, UUID creatorId) {
        return tx.rows("SELECT id FROM video WHERE creator_id = $1", creatorId).map(rows -> rows.stream().map(r -> (UUID) r[0]).toList());
    }

    // ------------------------------------------------------------------------------- building

    /** The zones being built, oldest first. */
    public Uni<List<Zone>> building(Tx tx) {
        return tx.rows("SELECT id, org_id, tz, false FROM rollup_zone WHERE state = 'building' ORDER BY id")
                .map(rows -> rows.stream().map(r -> new Zone(num(r[0]), (UUID) r[1], (String) r[2], false)).toList());
    }

    /** Up to {@code limit} creators of the zone's organization not built there yet, with ids after {@code after}, by id. */
    public Uni<List<UUID>> unbuiltCreators(Tx tx, Zone zone, UUID after, int limit) {
        return tx.rows("""
                        SELECT c.id FROM creator c WHERE c.org_id = $1 AND c.id > $3
                          AND NOT EXISTS (SELECT 1 FROM creator_rollup r WHERE r.zone_id = $2 AND r.creator_id = c.id)
                        ORDER BY c.id LIMIT $4""", zone.orgId(), zone.id(), after, limit)
                .map(rows -> rows.stream().map(r -> (UUID) r[0]).toList());
    }

    /** Up to {@code limit} videos of the organization not built in the zone yet, with ids after {@code after}, by id. */
    public Uni<List<UUID>> unbuiltVideos(Tx tx, Zone zone, UUID after, int limit) {
        return tx.rows("""
                        SELECT v.id FROM video v WHERE v.org_id = $1 AND v.id > $3
                          AND NOT EXISTS (SELECT 1 FROM video_rollup r WHERE r.zone_id = $2 AND r.video_id = v.id)
                        ORDER BY v.id LIMIT $4""", zone.orgId(), zone.id(), after, limit)
                .map(rows -> rows.stream().map(r -> (UUID) r[0]).toList());
    }

    /**
     * Under the zone's row lock (writers hold it shared while they may add entities): when every
     * video and creator of the organization is built, marks the zone ready and drops the
     * organization's older zones; answers whether it did.
     */
    public Uni<Boolean> finishBuilding(Tx tx, Zone zone) {
        return tx.rows("SELECT id FROM rollup_zone WHERE id = $1 FOR UPDATE", zone.id())
                .flatMap(x -> tx.rows("""
                        SELECT EXISTS (SELECT 1 FROM video v WHERE v.org_id = $1
                                         AND NOT EXISTS (SELECT 1 FROM video_rollup r WHERE r.zone_id = $2 AND r.video_id = v.id))
                            OR EXISTS (SELECT 1 FROM creator c WHERE c.org_id = $1
                                         AND NOT EXISTS (SELECT 1 FROM creator_rollup r WHERE r.zone_id = $2 AND r.creator_id = c.id))""",
                        zone.orgId(), zone.id()))
                .flatMap(rows -> (Boolean) rows.get(0)[0] ? Uni.createFrom().item(false)
                        : tx.update("UPDATE rollup_zone SET state = 'ready', ready_at = now() WHERE id = $1", zone.id())
                        .flatMap(n -> tx.update("DELETE FROM rollup_zone WHERE org_id = $1 AND id < $2", zone.orgId(), zone.id()))
                        .replaceWith(true));
    }

    /** Starts building a zone of the organization in {@code tz} unless one is being built; answers its id. */
    public Uni<Long> startBuilding(Tx tx, UUID orgId, String tz) {
        return tx.rows("""
                        WITH ins AS (INSERT INTO rollup_zone (org_id, tz, state) VALUES ($1, $2, 'building') ON CONFLICT DO NOTHING RETURNING id)
                        SELECT id FROM ins UNION ALL SELECT id FROM rollup_zone WHERE org_id = $1 AND tz = $2 AND state = 'building'""",
                        orgId, tz)
                .map(rows -> num(rows.get(0)[0]));
    }

    /** A ready zone for an organization without any data yet (a new organization). */
    public Uni<Void> createReady(Tx tx, UUID orgId, String tz) {
        return tx.update("INSERT INTO rollup_zone (org_id, tz, state, ready_at) VALUES ($1, $2, 'ready', now())", orgId, tz).replaceWithVoid();
    }

    // -------------------------------------------------------------------------------- helpers

    /** Day rows to delete, by (zone, entity, epoch day), in one statement. */
    private static final class DayKeys {
        private final List<Long> zones = new ArrayList<>();
        private final List<UUID> ids = new ArrayList<>();
        private final List<Integer> days = new ArrayList<>();

        void add(long zoneId, UUID id, List<Long> epochDays) {
            for (long day : epochDays) {
                zones.add(zoneId);
                ids.add(id);
                days.add((int) day);
            }
        }

        Uni<Integer> delete(Tx tx, String table, String idColumn) {
            return zones.isEmpty() ? Uni.createFrom().item(0) : tx.update("""
                            DELETE FROM %1$s d USING unnest($1::bigint[], $2::uuid[], $3::int[]) AS u(zone, id, day)
                            WHERE d.zone_id = u.zone AND d.%2$s = u.id AND d.day = %3$s + u.day""".formatted(table, idColumn, EPOCH),
                    zones.toArray(Long[]::new), ids.toArray(UUID[]::new), days.toArray(Integer[]::new));
        }
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }

    static Long optNum(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static long[] longs(Object[] r, int from, int n) {
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[k] = num(r[from + k]);
        }
        return out;
    }

    private static long[] optLongs(Object[] r, int from, int n) {
        if (r[from] == null) {
            return null;
        }
        return longs(r, from, n);
    }

    /** Statement parameters: the arrays of {@code head}, then each array of {@code columns}, then those of {@code tail}. */
    private static Object[] concat(Object[] head, Object[][] columns, Object[] tail) {
        List<Object> out = new ArrayList<>(List.of(head));
        out.addAll(List.of((Object[]) columns));
        out.addAll(List.of(tail));
        return out.toArray();
    }
}
