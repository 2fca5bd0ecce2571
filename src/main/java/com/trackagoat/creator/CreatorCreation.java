package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Json;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.PlanLimits;
import com.trackagoat.scrape.ScrapeRepository.DueCreator;
import com.trackagoat.scrape.ScrapeService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * POST /api/v1/projects/{projectId}/creators, single and bulk (endpoints-write.md). Each creator is
 * created or reactivated in its own transaction under a lock on the organization row (the
 * {@code max_creators_per_org} count and the insert are atomic), and its initial scrape (profile
 * snapshot and discovery, scraping.md §5) runs in that transaction before the answer.
 */
@ApplicationScoped
public class CreatorCreation {

    static final int MAX_BULK = 50;
    private static final Pattern PROFILE_URL = Pattern.compile("^https://(www\\.)?tiktok\\.com/@([^/?#]+)/?$");

    /** One validated request item. */
    record Input(String handleAsSent, String handle, String mode, LocalDate trackingStart, JsonBody.Field<String> readme,
                 JsonBody.Field<String> metadata) {
    }

    /** Created (201) or reactivated (200). */
    public record Outcome(CreatorDto creator, boolean reactivated) {
    }

    private record Written(UUID id, boolean reactivated) {
    }

    private final Pool pool;
    private final Handles handles;
    private final PlanLimits limits;
    private final ScrapeService scraper;
    private final CreatorRepository creators;
    private final Clock clock;

    public CreatorCreation(Pool pool, Handles handles, PlanLimits limits, ScrapeService scraper, CreatorRepository creators, Clock clock) {
        this.pool = pool;
        this.handles = handles;
        this.limits = limits;
        this.scraper = scraper;
        this.creators = creators;
        this.clock = clock;
    }

    /** A single creator: 201 new, 200 reactivated; 409 / 402 as the contract lists. */
    public Uni<Outcome> createOne(Caller caller, UUID projectId, JsonBody body) {
        return requireProject(caller, projectId).flatMap(v -> create(caller, projectId, input(body.node(), "")));
    }

    /** Bulk: 1–50 items processed in order, each independently; always 200 with per-item results. */
    public Uni<Map<String, Object>> createMany(Caller caller, UUID projectId, JsonBody body) {
        JsonNode items = body.node().get("creators");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_BULK) {
            throw ApiException.invalidField("creators");
        }
        List<Object> created = new ArrayList<>();
        List<Object> reactivated = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        return requireProject(caller, projectId).flatMap(v -> Multi.createFrom().range(0, items.size())
                .onItem().transformToUniAndConcatenate(i -> {
                    JsonNode item = items.get(i);
                    String sent = item.isObject() && item.path("tiktok_handle").isTextual() ? item.get("tiktok_handle").textValue() : null;
                    return Uni.createFrom().deferred(() -> create(caller, projectId, input(item, "creators[" + i + "].")))
                            .onItem().invoke(o -> (o.reactivated() ? reactivated : created).add(o.creator()))
                            .onFailure(ApiException.class).recoverWithItem(e -> {
                                ApiException a = (ApiException) e;
                                Map<String, Object> err = new LinkedHashMap<>();
                                err.put("tiktok_handle", sent);
                                err.put("code", a.code());
                                err.put("error", a.getMessage());
                                errors.add(err);
                                return null;
                            });
                }).collect().last())
                .map(x -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("created", created);
                    out.put("reactivated", reactivated);
                    out.put("errors", errors);
                    return out;
                });
    }

    private Uni<Void> requireProject(Caller caller, UUID projectId) {
        return pool.preparedQuery("SELECT 1 FROM project WHERE id = $1 AND org_id = $2").execute(Tuple.of(projectId, caller.orgId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound();
                    }
                    return null;
                });
    }

    /** Validates one item; {@code prefix} names fields inside a bulk body ({@code creators[3].}). */
    static Input input(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw ApiException.invalidField(prefix.isEmpty() ? "tiktok_handle" : prefix.substring(0, prefix.length() - 1));
        }
        JsonBody item = JsonBody.of(node.deepCopy(), prefix);
        String sent = item.requiredString("tiktok_handle", 200, false);
        var url = PROFILE_URL.matcher(sent);
        String handle = Handles.normalize(url.matches() ? url.group(2) : sent);
        String mode = item.oneOf("tracking_mode", CreatorService.TRACKING_MODES, false).value();
        var start = item.string("tracking_start_date", false, 10, false);
        LocalDate trackingStart = null;
        if (start.present()) {
            try {
                trackingStart = LocalDate.parse(start.value());
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(prefix + "tracking_start_date");
            }
        }
        return new Input(sent, handle, mode == null ? "auto" : mode, trackingStart, item.readme(), item.metadata());
    }

    private Uni<Outcome> create(Caller caller, UUID projectId, Input in) {
        if (!Handles.isValid(in.handle())) {
            throw ApiException.conflict("invalid_handle");
        }
        if (handles.isBanned(in.handle())) {
            throw ApiException.conflict("creator_banned");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return pool.withTransaction(c -> c.preparedQuery("SELECT timezone FROM organization WHERE id = $1 FOR UPDATE")
                        .execute(Tuple.of(caller.orgId()))
                        .flatMap(org -> {
                            String timezone = org.iterator().next().getString(0);
                            return c.preparedQuery("SELECT id, status FROM creator WHERE project_id = $1 AND tiktok_handle = $2 ORDER BY status = 'removed'")
                                    .execute(Tuple.of(projectId, in.handle()))
                                    .flatMap(existing -> {
                                        Row row = existing.size() == 0 ? null : existing.iterator().next();
                                        if (row != null && !row.getString("status").equals(Creator.REMOVED)) {
                                            throw ApiException.conflict("handle_taken");
                                        }
                                        UUID reactivate = row == null ? null : row.getUUID("id");
                                        return limits.requireRoom(Tx.of(c), CountedLimit.CREATORS, caller.orgId())
                                                .flatMap(v -> write(c, caller, projectId, in, reactivate, timezone, now));
                                    });
                        }))
                .flatMap(w -> Panache.withSession(() -> creators.find("id", w.id()).firstResult()).map(e -> new Outcome(CreatorDto.of(e), w.reactivated())));
    }

    private Uni<Written> write(SqlConnection c, Caller caller, UUID projectId, Input in, UUID reactivate, String timezone, Instant now) {
        LocalDate start = in.trackingStart() != null ? in.trackingStart() : LocalDate.ofInstant(now, ZoneId.of(timezone));
        UUID id = reactivate != null ? reactivate : UUID.randomUUID();
        String metadata = in.metadata().present() ? in.metadata().value() : "{}";
        Uni<?> saved;
        if (reactivate == null) {
            saved = c.preparedQuery("""
                            INSERT INTO creator (id, org_id, project_id, tiktok_handle, readme, metadata, tracking_mode, tracking_start_date,
                                                 status, created_at, updated_at)
                            VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, 'active', $9, $9)""")
                    .execute(Tuple.from(new Object[]{id, caller.orgId(), projectId, in.handle(), in.readme().value(), metadata, in.mode(),
                            start, Json.now(clock).atOffset(ZoneOffset.UTC)}));
        } else {
            // given fields overwrite; the next snapshots of the creator and its videos are tracking_resumed baselines
            saved = c.preparedQuery("""
                            UPDATE creator SET status = 'active', tracking_mode = $2, tracking_start_date = $3,
                                   readme = CASE WHEN $4 THEN $5 ELSE readme END, metadata = CASE WHEN $6 THEN $7::text::jsonb ELSE metadata END,
                                   resume_baseline = true, updated_at = $8
                            WHERE id = $1""")
                    .execute(Tuple.from(new Object[]{id, in.mode(), start, in.readme().present(), in.readme().value(), in.metadata().present(),
                            metadata, Json.now(clock).atOffset(ZoneOffset.UTC)}))
                    .call(r -> c.preparedQuery("UPDATE video SET resume_baseline = true WHERE creator_id = $1").execute(Tuple.of(id)));
        }
        return saved.flatMap(r -> c.preparedQuery("SELECT last_scraped_at, last_discovery_at, follower_count, following_count, likes_count, "
                                + "video_count FROM creator WHERE id = $1").execute(Tuple.of(id)))
                .flatMap(rows -> {
                    Row r = rows.iterator().next();
                    Long followers = r.getLong("follower_count");
                    var counters = followers == null ? null : new com.trackagoat.scrape.Simulation.CreatorCounters(followers,
                            r.getLong("following_count"), r.getLong("likes_count"), r.getLong("video_count"));
                    var lastScraped = r.getOffsetDateTime("last_scraped_at");
                    var lastDiscovery = r.getOffsetDateTime("last_discovery_at");
                    DueCreator due = new DueCreator(id, caller.orgId(), projectId, in.handle(), in.mode(), start, timezone,
                            lastScraped == null ? null : lastScraped.toInstant(), lastDiscovery == null ? null : lastDiscovery.toInstant(),
                            counters, reactivate != null, true, true);
                    return scraper.scrapeCreatorNow(c, due, now, "initial");
                })
                .map(n -> new Written(id, reactivate != null));
    }
}
