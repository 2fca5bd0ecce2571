package com.trackagoat.bootstrap;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.auth.ApiKeyService;
import com.trackagoat.auth.ApiKeys;
import com.trackagoat.auth.Scopes;
import com.trackagoat.org.Organization;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.OrganizationService;
import com.trackagoat.scrape.Backfill;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * Startup bootstrap of docs/reference/auth.md §7: the platform admin key and the demo organization, idempotent
 * across restarts, finished before the HTTP listener accepts connections.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final TrackagoatConfig config;
    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final ApiKeyService keys;
    private final DemoSeeder demo;
    private final Backfill backfill;
    private final StartupGate gate;
    private final Clock clock;

    public Bootstrap(TrackagoatConfig config, OrganizationRepository organizations, OrganizationService organizationService,
                     ApiKeyService keys, DemoSeeder demo, Backfill backfill, StartupGate gate, Clock clock) {
        this.config = config;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.keys = keys;
        this.demo = demo;
        this.backfill = backfill;
        this.gate = gate;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port)
            throws Throwable {
        String adminKey = config.bootstrap().adminKey().filter(k -> !k.isBlank()).orElse(null);
        if (adminKey != null && !ApiKeys.isValid(adminKey)) {
            throw new IllegalStateException("trackagoat.bootstrap.admin-key (TRACKAGOAT_BOOTSTRAP_ADMIN_KEY) is not a valid tga_ key");
        }
        String demoKey = null;
        if (config.demo().enabled()) {
            demoKey = config.demo().apiKey().filter(ApiKeys::isValid).orElseThrow(() -> new IllegalStateException(
                    "trackagoat.demo.api-key (TRACKAGOAT_DEMO_API_KEY) must be a valid tga_ key when the demo is enabled"));
        }
        if (adminKey != null) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ensureAdminKey(adminKey)));
        }
        if (demoKey != null) {
            String key = demoKey;
            UUID demoOrg = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> demo.ensure(key)));
            VertxContextSupport.subscribeAndAwait(() -> backfill.ensureHistory(demoOrg, config.demo().historyDays(), clock.instant()));
            LOG.infof("Demo organization ready. Try:%n  curl -H 'Authorization: Bearer %s' http://localhost:%d/api/v1/projects",
                    demoKey, port);
        }
        gate.open();
    }

    private Uni<Void> ensureAdminKey(String key) {
        return keys.exists(key).flatMap(exists -> exists ? Uni.createFrom().voidItem()
                : organizations.findPlatform()
                .flatMap(org -> org != null ? Uni.createFrom().item(org) : createPlatform())
                .flatMap(org -> keys.ensure(org.id, key, "Bootstrap admin key", Scopes.ORDER))
                .invoke(() -> LOG.info("Stored the bootstrap admin key in the platform organization")));
    }

    private Uni<Organization> createPlatform() {
        return organizationService.create("Platform", "ultra", "UTC").invoke(org -> org.platform = true);
    }
}
