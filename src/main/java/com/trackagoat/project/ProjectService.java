package com.trackagoat.project;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.PlanLimits;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectRepository projects;
    @Inject
    PlanLimits limits;
    @Inject
    Clock clock;

    /** POST: the organization's projects are capped (402) under a lock on its row. */
    @WithTransaction
    public Uni<ProjectDto> create(Caller caller, ProjectCreate body) {
        return limits.requireRoom(Tx.session(), CountedLimit.PROJECTS, caller.orgId()).flatMap(v -> {
            Project p = new Project();
            p.id = UUID.randomUUID();
            p.orgId = caller.orgId();
            p.name = body.name();
            p.readme = body.readme();
            p.createdAt = Json.now(clock);
            p.updatedAt = p.createdAt;
            return projects.persist(p).map(ProjectDto::of);
        });
    }

    @WithSession
    public Uni<Page<ProjectDto>> list(UUID orgId, PageRequest page) {
        return projects.page(orgId, page).map(rows -> page.page(rows, p -> p.createdAt, p -> p.id, ProjectDto::of));
    }

    @WithSession
    public Uni<ProjectDto> get(UUID orgId, UUID id) {
        return projects.findInOrg(orgId, id).map(p -> ProjectDto.of(ApiException.requireFound(p)));
    }

    /** PATCH: the given fields of {@code name} and {@code readme} (at least one, {@link ProjectPatch}). */
    @WithTransaction
    public Uni<ProjectDto> patch(UUID orgId, UUID id, ProjectPatch body) {
        return projects.findInOrg(orgId, id).map(p -> {
            ApiException.requireFound(p);
            p.name = body.name().orElse(p.name);
            p.readme = body.readme().orElse(p.readme);
            p.updatedAt = Json.now(clock);
            return ProjectDto.of(p);
        });
    }
}
