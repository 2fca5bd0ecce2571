package com.trackagoat.support;

import com.trackagoat.auth.ApiKeys;
import com.trackagoat.auth.RequestCounter;
import com.trackagoat.api.Tx;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data written straight into PostgreSQL, so that each test builds exactly the rows it needs
 * (with explicit timestamps) independent of the write API and of other tests.
 */
@ApplicationScoped
public class Fixtures {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Strictly increasing creation times, so list order is predictable within a test. */
    private static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1000);

    private final Pool pool;
    private final RequestCounter requests;
    private final RollupService rollups;

    public Fixtures(Pool pool, RequestCounter requests, RollupService rollups) {
        this.pool = pool;
        this.requests = requests;
        this.rollups = rollups;
    }

    /**
     * Brings the daily rollups up to date after a fixture wrote snapshots or changed a video, as the
     * application's writers do in their transactions (docs/decisions.md, "Stats rollups").
     */
    public void touched(List<RollupService.Touch> videos, List<RollupService.Touch> creators) {
        pool.withTransaction(c -> rollups.touched(Tx.of(c), videos, creators)).await().atMost(TIMEOUT);
    }

    /** Runs {@code work} in a transaction of its own, as a writer of the application would. */
    public void inTransaction(java.util.function.Function<Tx, Uni<?>> work) {
        pool.withTransaction(c -> work.apply(Tx.of(c))).await().atMost(TIMEOUT);
    }

    /** The first column of every row, as text. */
    public List<String> rows(String sql, Object... args) {
        List<String> out = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(TIMEOUT).forEach(r -> out.add(r.getString(0)));
        return out;
    }

    public record Org(UUID id, String key, UUID keyId) {
    }

    public static OffsetDateTime nextCreatedAt() {
        long micros = CLOCK.addAndGet(1_000_000);
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public void sql(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(TIMEOUT);
    }

    /**
     * The first column of the first row, read after the application's counted requests were written
     * (the daily request counter writes them in batches, auth.RequestCounter), so that a count of
     * {@code org_daily_usage} sees every request answered before.
     */
    public long count(String sql, Object... args) {
        requests.drain(TIMEOUT);
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    public Org org(String tier) {
        return org(tier, "UTC", false);
    }

    /**
     * The platform organization (there is only one), with a new admin key. When missing it is
     * created as the bootstrap would create it (docs/reference/auth.md §7), so a bootstrap that runs later in the
     * same database finds the same organization whichever test came first.
     */
    public Org platform() {
        var rows = pool.preparedQuery("SELECT id FROM organization WHERE is_platform").execute().await().atMost(TIMEOUT);
        if (rows.size() == 0) {
            return org("Platform", "ultra", "UTC", true);
        }
        UUID id = rows.iterator().next().getUUID(0);
        String key = ApiKeys.generate();
        return new Org(id, key, key(id, key, "read,write,admin"));
    }

    public Org org(String tier, String timezone, boolean platform) {
        return org(null, tier, timezone, platform);
    }

    /** {@code name} null: {@code Org <first 8 characters of the id>}. */
    private Org org(String name, String tier, String timezone, boolean platform) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = nextCreatedAt();
        sql("INSERT INTO organization (id, name, tier, timezone, banned, is_platform, is_demo, created_at, updated_at) VALUES ($1, $2, $3, $4, false, $5, false, $6, $6)",
                id, name != null ? name : "Org " + id.toString().substring(0, 8), tier, timezone, platform, now);
        sql("INSERT INTO rollup_zone (org_id, tz, state, ready_at) VALUES ($1, $2, 'ready', now())", id, timezone);
        String scopes = platform ? "read,write,admin" : "read,write";
        String key = ApiKeys.generate();
        UUID keyId = key(id, key, scopes);
        return new Org(id, key, keyId);
    }

    /** Adds a key with the given scopes (comma-separated, in order read,write,admin). */
    public UUID key(UUID orgId, String key, String scopes) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO api_key (id, org_id, name, prefix, key_hash, scopes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                id, orgId, "Test key", ApiKeys.prefix(key), ApiKeys.hash(key), scopes, nextCreatedAt());
        return id;
    }

    public String newKey(UUID orgId, String scopes) {
        String key = ApiKeys.generate();
        key(orgId, key, scopes);
        return key;
    }

    public UUID project(UUID orgId, String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = nextCreatedAt();
        sql("INSERT INTO project (id, org_id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)", id, orgId, name, now);
        return id;
    }

    public UUID creator(UUID orgId, UUID projectId, String handle, String status) {
        return creator(orgId, projectId, handle, status, "auto");
    }

    public UUID creator(UUID orgId, UUID projectId, String handle, String status, String trackingMode) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = nextCreatedAt();
        sql("INSERT INTO creator (id, org_id, project_id, tiktok_handle, tracking_mode, tracking_start_date, status, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                id, orgId, projectId, handle, trackingMode, LocalDate.parse("2026-01-01"), status, now);
        return id;
    }

    public UUID video(UUID orgId, UUID projectId, UUID creatorId, String trackingStatus) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = nextCreatedAt();
        String tiktokId = Long.toString(Math.abs(id.getMostSignificantBits() % 1_000_000_000_000L));
        sql("INSERT INTO video (id, org_id, project_id, creator_id, tiktok_video_id, url, tracking_status, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                id, orgId, projectId, creatorId, tiktokId, "https://www.tiktok.com/@someone/video/" + tiktokId, trackingStatus, now);
        touched(List.of(RollupService.Touch.all(id)), List.of());
        return id;
    }

    public UUID campaign(UUID orgId, UUID projectId, String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = nextCreatedAt();
        sql("INSERT INTO campaign (id, org_id, project_id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
                id, orgId, projectId, name, now);
        return id;
    }

    public void campaignItem(UUID orgId, UUID projectId, UUID campaignId, String type, UUID itemId) {
        sql("INSERT INTO campaign_item (campaign_id, item_type, item_id, org_id, project_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                campaignId, type, itemId, orgId, projectId, nextCreatedAt());
    }

    /** An annotation dated {@code date} (YYYY-MM-DD); {@code entityType} null: organization-wide. */
    public UUID annotation(UUID orgId, String entityType, UUID entityId, String date, String kind, String title) {
        return annotation(UUID.randomUUID(), orgId, entityType, entityId, date, kind, title);
    }

    public UUID annotation(UUID id, UUID orgId, String entityType, UUID entityId, String date, String kind, String title) {
        OffsetDateTime now = nextCreatedAt();
        sql("INSERT INTO annotation (id, org_id, entity_type, entity_id, date, kind, title, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                id, orgId, entityType, entityId, LocalDate.parse(date), kind, title, now);
        return id;
    }

    /** A video snapshot; {@code reason} non-null makes it a baseline. */
    public void videoSnapshot(UUID orgId, UUID videoId, String at, long views, long likes, long comments, long shares, long saves, String reason) {
        sql("INSERT INTO video_snapshot (video_id, captured_at, org_id, view_count, like_count, comment_count, share_count, save_count, "
                        + "is_baseline, baseline_reason, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'scheduled')",
                videoId, OffsetDateTime.parse(at), orgId, views, likes, comments, shares, saves, reason != null, reason);
        touched(List.of(RollupService.Touch.at(videoId, OffsetDateTime.parse(at).toInstant())), List.of());
    }

    /** A creator snapshot; {@code reason} non-null makes it a baseline. */
    public void creatorSnapshot(UUID orgId, UUID creatorId, String at, long followers, long following, long likes, long videos, String reason) {
        sql("INSERT INTO creator_snapshot (creator_id, captured_at, org_id, follower_count, following_count, likes_count, video_count, "
                        + "is_baseline, baseline_reason, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'scheduled')",
                creatorId, OffsetDateTime.parse(at), orgId, followers, following, likes, videos, reason != null, reason);
        touched(List.of(), List.of(RollupService.Touch.at(creatorId, OffsetDateTime.parse(at).toInstant())));
    }

    /**
     * Runs {@code sql} in a transaction that stays open while {@code request} starts on another
     * thread, and commits once the request waits for a lock that transaction holds (or after 10 s,
     * or when the request finished without waiting). Returns the request's result: for testing
     * that a write does not undo a change committed while it was running.
     */
    public <T> T whileUncommitted(String sql, Object[] args, Callable<T> request) throws Exception {
        SqlConnection conn = pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction tx = conn.begin().await().atMost(TIMEOUT);
            conn.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(TIMEOUT);
            Future<T> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return request.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!result.isDone() && System.nanoTime() < deadline
                    && count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") == 0) {
                Thread.sleep(20);
            }
            tx.commit().await().atMost(TIMEOUT);
            return result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            conn.close().await().atMost(TIMEOUT);
        }
    }

    public void postedAt(UUID videoId, String at) {
        sql("UPDATE video SET posted_at = $2 WHERE id = $1", videoId, OffsetDateTime.parse(at));
        touched(List.of(RollupService.Touch.all(videoId)), List.of());
    }
}
