package com.trackagoat.project;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Json;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;

    public ProjectService(ProjectRepository projects) {
        this.projects = projects;
    }

    @WithSession
    public Uni<Envelope.Page<ProjectDto>> list(UUID orgId, PageRequest page) {
        return projects.page(orgId, page).map(rows -> page.page(rows, p -> p.createdAt, p -> p.id, ProjectDto::of));
    }

    @WithSession
    public Uni<ProjectDto> get(UUID orgId, UUID id) {
        return projects.findInOrg(orgId, id).map(p -> ProjectDto.of(ApiException.requireFound(p)));
    }

    /** PATCH: {@code name}, {@code readme}; at least one. */
    @WithTransaction
    public Uni<ProjectDto> patch(UUID orgId, UUID id, JsonBody body) {
        var name = body.name("name");
        var readme = body.readme();
        if (!name.present() && !readme.present()) {
            throw ApiException.noUpdatableField();
        }
        return projects.findInOrg(orgId, id).map(p -> {
            ApiException.requireFound(p);
            if (name.present()) {
                p.name = name.value();
            }
            if (readme.present()) {
                p.readme = readme.value();
            }
            p.updatedAt = Json.now();
            return ProjectDto.of(p);
        });
    }
}
