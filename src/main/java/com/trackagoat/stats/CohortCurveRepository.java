package com.trackagoat.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The organization-wide cohort curve (org_avg of docs/reference/stats-and-metrics.md §4) for a time
 * zone without ready rollups (docs/decisions.md, "Stats rollups": the organization's own zone reads
 * {@code velocity_sum}), materialized per time zone and {@code stats_version} in {@code cohort_curve}. Computing it is one set-based pass over
 * the organization's counted videos' snapshots, with the velocity rules of §4 in SQL; it runs at
 * most once per (organization, time zone, version), and a request afterwards reads ≤ 366 rows.
 */
@ApplicationScoped
public class CohortCurveRepository {

    /** Marker row: the curve of this version is computed (it may have no other row). */
    static final int COMPUTED_MARKER = -1;

    /** Sum and count of the non-null views_gained at one day number. */
    public record Point(long gainSum, int sampleSize) {
    }

    private static final String COMPUTE = """
            INSERT INTO cohort_curve (org_id, tz, stats_version, day_number, gain_sum, sample_size)
            WITH vids AS (
                SELECT v.id, (v.posted_at AT TIME ZONE $2::varchar)::date AS d0
                FROM video v
                WHERE v.org_id = $1::uuid AND v.posted_at IS NOT NULL AND %s
            ),
            days AS (
                SELECT s.video_id, vids.d0, (s.captured_at AT TIME ZONE $2::varchar)::date AS d,
                       (array_agg(s.view_count ORDER BY s.captured_at DESC))[1] AS dv,
                       bool_or(s.is_baseline) AS has_baseline,
                       (array_agg(s.view_count = 0 ORDER BY s.captured_at DESC) FILTER (WHERE s.is_baseline))[1] AS last_baseline_is_zero,
                       (array_agg(s.is_baseline AND s.view_count = 0 ORDER BY s.captured_at))[1] AS first_is_zero_baseline
                FROM video_snapshot s JOIN vids ON vids.id = s.video_id
                GROUP BY s.video_id, vids.d0, (s.captured_at AT TIME ZONE $2::varchar)::date
            ),
            gains AS (
                SELECT d - d0 AS n,
                       CASE WHEN has_baseline THEN CASE WHEN last_baseline_is_zero THEN dv END
                            ELSE dv - lag(dv) OVER w END AS gain,
                       greatest(0, (first_value(d) OVER w) - d0
                                   + CASE WHEN first_value(first_is_zero_baseline) OVER w THEN 0 ELSE 1 END) AS start_n
                FROM days
                WINDOW w AS (PARTITION BY video_id ORDER BY d)
            )
            SELECT $1::uuid, $2::varchar, $3::bigint, n, sum(gain)::bigint, count(*)::integer
            FROM gains
            WHERE gain IS NOT NULL AND n >= start_n AND n <= start_n + 364
            GROUP BY n
            UNION ALL
            SELECT $1::uuid, $2::varchar, $3::bigint, -1, 0, 0
            ON CONFLICT DO NOTHING""".formatted(StatsRepository.COUNTED);

    private final Pool pool;

    public CohortCurveRepository(Pool pool) {
        this.pool = pool;
    }

    /** The curve by day number, computing and storing it first when this version has none yet. */
    public Uni<Map<Integer, Point>> curve(UUID orgId, ZoneId zone, long version) {
        return read(orgId, zone, version).flatMap(curve -> curve != null ? Uni.createFrom().item(curve)
                : compute(orgId, zone, version).flatMap(v -> read(orgId, zone, version)));
    }

    /** Computes the curve of this version (idempotent) and drops older versions of the same zone. */
    public Uni<Void> compute(UUID orgId, ZoneId zone, long version) {
        return pool.withTransaction(conn -> conn.preparedQuery(COMPUTE).execute(Tuple.of(orgId, zone.getId(), version))
                .flatMap(r -> conn.preparedQuery("DELETE FROM cohort_curve WHERE org_id = $1 AND tz = $2 AND stats_version < $3")
                        .execute(Tuple.of(orgId, zone.getId(), version)))
                .replaceWithVoid());
    }

    private Uni<Map<Integer, Point>> read(UUID orgId, ZoneId zone, long version) {
        return pool.preparedQuery("SELECT day_number, gain_sum, sample_size FROM cohort_curve WHERE org_id = $1 AND tz = $2 AND stats_version = $3")
                .execute(Tuple.of(orgId, zone.getId(), version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Map<Integer, Point> curve = new HashMap<>();
                    for (Row r : rows) {
                        if (r.getInteger(0) != COMPUTED_MARKER) {
                            curve.put(r.getInteger(0), new Point(r.getLong(1), r.getInteger(2)));
                        }
                    }
                    return curve;
                });
    }
}
