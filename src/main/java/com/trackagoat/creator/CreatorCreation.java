package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Json;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.PlanLimits;
import com.trackagoat.project.ProjectRepository;
import com.trackagoat.scrape.ScrapeRepository;
import com.trackagoat.scrape.ScrapeService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * POST /api/v1/projects/{projectId}/creators, single and bulk (docs/reference/endpoints-write.md). Each creator is
 * created or reactivated in its own transaction under a lock on the organization row (the
 * {@code max_creators_per_org} count and the insert are atomic), and its initial scrape (profile
 * snapshot and discovery, docs/reference/scraping.md §5) runs in that transaction before the answer.
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
    private final ScrapeRepository scrapes;
    private final CreatorRepository creators;
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public CreatorCreation(Pool pool, Handles handles, PlanLimits limits, ScrapeService scraper, ScrapeRepository scrapes,
                           CreatorRepository creators, ProjectRepository projects, OrganizationRepository organizations, Clock clock) {
        this.pool = pool;
        this.handles = handles;
        this.limits = limits;
        this.scraper = scraper;
        this.scrapes = scrapes;
        this.creators = creators;
        this.projects = projects;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A single creator: 201 new, 200 reactivated; 409 / 402 as the contract lists. */
    public Uni<Outcome> createOne(Caller caller, UUID projectId, JsonBody body) {
        return requireProject(caller, projectId).flatMap(v -> create(caller, projectId, input(body.node(), "")));
    }

    /** Bulk: 1–50 items processed in order, each independently; always 200 with per-item results. */
    public Uni<CreatorBulkResult> createMany(Caller caller, UUID projectId, JsonBody body) {
        JsonNode items = body.node().get("creators");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_BULK) {
            throw ApiException.invalidField("creators");
        }
        List<CreatorDto> created = new ArrayList<>();
        List<CreatorDto> reactivated = new ArrayList<>();
        List<CreatorBulkResult.ItemError> errors = new ArrayList<>();
        return requireProject(caller, projectId).flatMap(v -> Multi.createFrom().range(0, items.size())
                .onItem().transformToUniAndConcatenate(i -> {
                    JsonNode item = items.get(i);
                    String sent = item.isObject() && item.path("tiktok_handle").isTextual() ? item.get("tiktok_handle").textValue() : null;
                    return Uni.createFrom().deferred(() -> create(caller, projectId, input(item, "creators[" + i + "].")))
                            .onItem().invoke(o -> (o.reactivated() ? reactivated : created).add(o.creator()))
                            .onFailure(ApiException.class).recoverWithItem(e -> {
                                ApiException a = (ApiException) e;
                                errors.add(new CreatorBulkResult.ItemError(sent, a.code(), a.getMessage()));
                                return null;
                            });
                }).collect().last())
                .map(x -> new CreatorBulkResult(created, reactivated, errors));
    }

    private Uni<Void> requireProject(Caller caller, UUID projectId) {
        return Panache.withSession(() -> projects.findInOrg(caller.orgId(), projectId)).map(p -> {
            ApiException.requireFound(p);
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
        return pool.withTransaction(c -> write(c, caller.orgId(), projectId, in, now))
                .flatMap(w -> Panache.withSession(() -> creators.findById(w.id())).map(e -> new Outcome(CreatorDto.of(e), w.reactivated())));
    }

    /**
     * Under the organization's lock: the handle is free, a removed creator holding it is reactivated
     * (else a new one is inserted) within the cap, then the initial scrape.
     */
    private Uni<Written> write(SqlConnection c, UUID orgId, UUID projectId, Input in, Instant now) {
        return organizations.lockTimezone(c, orgId)
                .call(timezone -> handles.requireAvailable(Tx.of(c), projectId, in.handle(), null))
                .flatMap(timezone -> creators.removedWithHandle(c, projectId, in.handle())
                        .call(removed -> limits.requireRoom(Tx.of(c), CountedLimit.CREATORS, orgId))
                        .flatMap(removed -> save(c, orgId, projectId, in, removed, startDate(in, timezone, now))))
                .call(written -> initialScrape(c, orgId, written.id(), now));
    }

    private static LocalDate startDate(Input in, String timezone, Instant now) {
        return in.trackingStart() != null ? in.trackingStart() : LocalDate.ofInstant(now, ZoneId.of(timezone));
    }

    /** Inserts the creator, or reactivates {@code removed}: given fields overwrite, and tracking resumes with baselines. */
    private Uni<Written> save(SqlConnection c, UUID orgId, UUID projectId, Input in, UUID removed, LocalDate start) {
        Instant at = Json.now(clock);
        if (removed == null) {
            UUID id = UUID.randomUUID();
            String metadata = in.metadata().present() ? in.metadata().value() : "{}";
            return creators.insert(c, id, orgId, projectId, in.handle(), in.readme().value(), metadata, in.mode(), start, at)
                    .replaceWith(new Written(id, false));
        }
        return creators.reactivate(c, removed, in.mode(), start, in.readme().present(), in.readme().value(), in.metadata().present(),
                        in.metadata().value(), at)
                .call(v -> scrapes.resumeCreator(Tx.of(c), removed))
                .replaceWith(new Written(removed, true));
    }

    /** The initial scrape (profile snapshot and discovery), through the scraper's own path, in this transaction. */
    private Uni<Integer> initialScrape(SqlConnection c, UUID orgId, UUID id, Instant now) {
        return scrapes.lockCreator(c, orgId, id).flatMap(due -> scraper.scrapeCreatorNow(c, due, now, "initial"));
    }
}
