package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Body;
import com.trackagoat.api.Field;
import com.trackagoat.api.Json;
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
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    private static final Pattern PROFILE_URL = Pattern.compile("^https://(www\\.)?tiktok\\.com/@([^/?#]+)/?$");

    /** One creator to write: its body and the handle it names, normalized. */
    private record Input(CreatorCreate body, String handle) {
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
    private final Body bodies;
    private final Clock clock;
    @Inject
    RollupService rollups;


    public CreatorCreation(Pool pool, Handles handles, PlanLimits limits, ScrapeService scraper, ScrapeRepository scrapes,
                           CreatorRepository creators, ProjectRepository projects, OrganizationRepository organizations, Body bodies,
                           Clock clock) {
        this.pool = pool;
        this.handles = handles;
        this.limits = limits;
        this.scraper = scraper;
        this.scrapes = scrapes;
        this.creators = creators;
        this.projects = projects;
        this.organizations = organizations;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** A single creator: 201 new, 200 reactivated; 409 / 402 as the contract lists. */
    public Uni<Outcome> createOne(Caller caller, UUID projectId, CreatorCreate body) {
        return requireProject(caller, projectId).flatMap(v -> create(caller, projectId, body));
    }

    /**
     * Bulk: 1–50 items processed in order, each independently; always 200 with per-item results. Each
     * item is bound here, so that a bad one is an error of that item ({@code creators[3].…}).
     */
    public Uni<CreatorBulkResult> createMany(Caller caller, UUID projectId, CreatorBulkCreate body) {
        List<JsonNode> items = body.creators();
        CreatorBulkResult result = new CreatorBulkResult(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        return requireProject(caller, projectId)
                .chain(() -> Multi.createFrom().range(0, items.size())
                        .onItem().transformToUniAndConcatenate(i -> createItem(caller, projectId, items.get(i), i, result))
                        .collect().last())
                .replaceWith(result);
    }

    /** Item {@code index}: bound, then created or reactivated; its failure is an entry of {@code errors}. */
    private Uni<Void> createItem(Caller caller, UUID projectId, JsonNode item, int index, CreatorBulkResult result) {
        return Uni.createFrom().deferred(() -> create(caller, projectId, bodies.bind(item, CreatorCreate.class, CreatorBulkCreate.item(index))))
                .onItem().invoke(o -> (o.reactivated() ? result.reactivated() : result.created()).add(o.creator()))
                .replaceWithVoid()
                .onFailure(ApiException.class).recoverWithItem(e -> {
                    ApiException a = (ApiException) e;
                    result.errors().add(new CreatorBulkResult.ItemError(CreatorBulkCreate.handleAsSent(item), a.code(), a.getMessage()));
                    return null;
                });
    }

    private Uni<Void> requireProject(Caller caller, UUID projectId) {
        return Panache.withSession(() -> projects.findInOrg(caller.orgId(), projectId)).map(p -> {
            ApiException.requireFound(p);
            return null;
        });
    }

    /** The handle a {@code tiktok_handle} names: a profile URL's, or the value itself; normalized. */
    private static String handle(String sent) {
        var url = PROFILE_URL.matcher(sent);
        return Handles.normalize(url.matches() ? url.group(2) : sent);
    }

    private Uni<Outcome> create(Caller caller, UUID projectId, CreatorCreate body) {
        Input in = new Input(body, handle(body.tiktokHandle()));
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
        Field<LocalDate> given = in.body().trackingStartDate();
        return given.present() ? given.value() : LocalDate.ofInstant(now, ZoneId.of(timezone));
    }

    /** Inserts the creator, or reactivates {@code removed}: given fields overwrite, and tracking resumes with baselines. */
    private Uni<Written> save(SqlConnection c, UUID orgId, UUID projectId, Input in, UUID removed, LocalDate start) {
        Instant at = Json.now(clock);
        String mode = in.body().trackingMode().orElse("auto");
        Field<String> readme = in.body().readme();
        Field<String> metadata = in.body().metadata().map(JsonNode::toString);
        if (removed == null) {
            UUID id = UUID.randomUUID();
            return creators.insert(c, id, orgId, projectId, in.handle(), readme.value(), metadata.orElse("{}"), mode, start, at)
                    .replaceWith(new Written(id, false));
        }
        return creators.reactivate(c, removed, mode, start, readme.present(), readme.value(), metadata.present(), metadata.value(), at)
                .call(v -> rollups.creatorChanged(Tx.of(c), removed))
                .call(v -> scrapes.resumeCreator(Tx.of(c), removed))
                .replaceWith(new Written(removed, true));
    }

    /** The initial scrape (profile snapshot and discovery), through the scraper's own path, in this transaction. */
    private Uni<Integer> initialScrape(SqlConnection c, UUID orgId, UUID id, Instant now) {
        return scrapes.lockCreator(c, orgId, id).flatMap(due -> scraper.scrapeCreatorNow(c, due, now, "initial"));
    }
}
