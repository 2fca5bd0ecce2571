package com.trackagoat.bootstrap;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.api.Json;
import com.trackagoat.auth.ApiKeyService;
import com.trackagoat.auth.Scopes;
import com.trackagoat.campaign.Campaign;
import com.trackagoat.campaign.CampaignItem;
import com.trackagoat.creator.Creator;
import com.trackagoat.goal.Goal;
import com.trackagoat.org.Organization;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.OrganizationService;
import com.trackagoat.project.Project;
import com.trackagoat.video.Video;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo organization of docs/reference/auth.md §7 and docs/reference/scraping.md §7: two projects, seven creators, 42 creator
 * videos plus two added by URL, three campaigns (one nested) and a goal per creator. Ids are
 * derived from names so that the content is the same on every machine.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    /** Handle, tracking mode, project index. */
    private record DemoCreator(String handle, String displayName, String mode, int project) {
    }

    private static final List<DemoCreator> CREATORS = List.of(
            new DemoCreator("chef.maria", "Maria Cooks", "auto", 0),
            new DemoCreator("fit.with.jay", "Jay Trains", "auto", 0),
            new DemoCreator("diy.dani", "Dani Builds", "auto", 0),
            new DemoCreator("plant.papa", "Plant Papa", "selective", 0),
            new DemoCreator("travel.tom", "Tom Travels", "auto", 1),
            new DemoCreator("beauty.bea", "Bea Beauty", "auto", 1),
            new DemoCreator("tech.tina", "Tina Tech", "auto", 1));

    private static final String[] TITLES = {"3-minute pasta", "Morning routine", "Budget hack", "Day in my life",
            "Before and after", "Try this today", "Honest review", "Weekend project", "Quick tips", "Storytime"};

    /** metric, period, target (the cycle of docs/reference/scraping.md §7). */
    private static final Object[][] GOALS = {{"posts", "weekly", 3}, {"views", "weekly", 50_000}, {"engagement", "monthly", 8},
            {"followers", "monthly", 1_000}, {"posts", "monthly", 12}, {"views", "daily", 10_000}, {"posts", "daily", 1}};

    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final ApiKeyService keys;
    private final TrackagoatConfig config;
    private final Clock clock;

    public DemoSeeder(OrganizationRepository organizations, OrganizationService organizationService, ApiKeyService keys,
                      TrackagoatConfig config, Clock clock) {
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Creates the demo organization once; afterwards only makes sure the configured key is stored
     * in it. Returns the organization's id.
     */
    public Uni<UUID> ensure(String demoKey) {
        return organizations.findDemo().flatMap(existing -> {
            Uni<Organization> org = existing != null ? Uni.createFrom().item(existing)
                    : organizationService.create("Demo", "starter", "America/New_York").call(this::populate);
            return org.flatMap(o -> keys.ensure(o.id, demoKey, "Demo key", Scopes.DEFAULT).replaceWith(o.id));
        });
    }

    private Uni<Void> populate(Organization org) {
        org.demo = true;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate firstHistoryDay = today.minusDays(config.demo().historyDays() - 1L);
        List<Object> rows = new ArrayList<>();

        List<Project> projects = List.of(project(org, "Always-On Ambassadors"), project(org, "Summer Launch 2026"));
        rows.addAll(projects);

        // Posting window: the 20 days before the history window and the window itself, up to two days before today.
        Instant windowStart = firstHistoryDay.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant();
        long windowDays = Math.max(1, Duration.between(windowStart, today.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()).toDays());
        List<Creator> creators = new ArrayList<>();
        List<Video> directAdds = new ArrayList<>();
        for (int i = 0; i < CREATORS.size(); i++) {
            DemoCreator dc = CREATORS.get(i);
            Project p = projects.get(dc.project());
            Creator c = creator(org, p, dc, firstHistoryDay);
            creators.add(c);
            rows.add(c);
            for (int j = 0; j < 6; j++) {
                int n = i * 6 + j;
                long day = (long) Math.floor((n + 0.5) * windowDays / (CREATORS.size() * 6.0));
                Instant postedAt = windowStart.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(600 + (n * 97L) % 600));
                String status = !dc.mode().equals("selective") ? Video.AUTO_TRACKED
                        : j < 3 ? Video.INCLUDED : j < 5 ? Video.PENDING_REVIEW : Video.EXCLUDED;
                rows.add(video(org, p, c, dc.handle(), postedAt, TITLES[n % TITLES.length], status));
            }
            Object[] g = GOALS[i % GOALS.length];
            rows.add(goal(org, c, (String) g[0], (String) g[1], (Integer) g[2]));
        }
        for (int k = 0; k < 2; k++) {
            Instant postedAt = windowStart.plus(Duration.ofDays(windowDays * (k + 1) / 3)).plus(Duration.ofHours(15));
            Video v = video(org, projects.get(0), null, "brand.partner", postedAt, k == 0 ? "Paid repost" : null, Video.DIRECT_ADD);
            directAdds.add(v);
            rows.add(v);
        }

        Campaign alwaysOn = campaign(org, projects.get(0), "Always-On 2026");
        Campaign q3 = campaign(org, projects.get(0), "Q3 Push");
        Campaign launch = campaign(org, projects.get(1), "Launch Week");
        rows.addAll(List.of(alwaysOn, q3, launch));
        rows.add(item(alwaysOn, "creator", creators.get(0).id));
        rows.add(item(alwaysOn, "creator", creators.get(1).id));
        rows.add(item(alwaysOn, "campaign", q3.id));
        rows.add(item(q3, "creator", creators.get(2).id));
        directAdds.forEach(v -> rows.add(item(q3, "video", v.id)));
        for (int i = 4; i < 7; i++) {
            rows.add(item(launch, "creator", creators.get(i).id));
        }
        return Panache.getSession()
                .flatMap(s -> s.persistAll(rows.toArray()).call(s::flush))
                .invoke(() -> LOG.infof("Seeded the demo organization %s", org.id))
                .replaceWithVoid();
    }

    static UUID demoId(String name) {
        return UUID.nameUUIDFromBytes(("trackagoat-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private Project project(Organization org, String name) {
        Project p = new Project();
        p.id = demoId("project:" + name);
        p.orgId = org.id;
        p.name = name;
        p.createdAt = Json.now(clock);
        p.updatedAt = p.createdAt;
        return p;
    }

    private Creator creator(Organization org, Project p, DemoCreator dc, LocalDate trackingStart) {
        Creator c = new Creator();
        c.id = demoId("creator:" + dc.handle());
        c.orgId = org.id;
        c.projectId = p.id;
        c.tiktokHandle = dc.handle();
        c.displayName = dc.displayName();
        c.metadata = "{}";
        c.trackingMode = dc.mode();
        c.trackingStartDate = trackingStart;
        c.status = Creator.ACTIVE;
        c.createdAt = Json.now(clock);
        c.updatedAt = c.createdAt;
        return c;
    }

    private Video video(Organization org, Project p, Creator c, String handle, Instant postedAt, String title, String status) {
        Video v = new Video();
        long random = Integer.toUnsignedLong(demoId("video-bits:" + handle + postedAt).hashCode());
        String tiktokId = Long.toUnsignedString((postedAt.getEpochSecond() << 32) | random);
        v.id = c == null ? demoId("video:" + tiktokId) : UUID.nameUUIDFromBytes((c.id + ":" + tiktokId).getBytes(StandardCharsets.UTF_8));
        v.orgId = org.id;
        v.projectId = p.id;
        v.creatorId = c == null ? null : c.id;
        v.tiktokVideoId = tiktokId;
        v.url = "https://www.tiktok.com/@" + handle + "/video/" + tiktokId;
        v.title = title;
        v.metadata = "{}";
        v.trackingStatus = status;
        v.postedAt = postedAt;
        v.createdAt = Json.now(clock);
        v.updatedAt = v.createdAt;
        return v;
    }

    private Goal goal(Organization org, Creator c, String metric, String period, int target) {
        Goal g = new Goal();
        g.id = demoId("goal:" + c.tiktokHandle);
        g.orgId = org.id;
        g.projectId = c.projectId;
        g.creatorId = c.id;
        g.metric = metric;
        g.period = period;
        g.targetValue = BigDecimal.valueOf(target);
        g.active = true;
        g.createdAt = Json.now(clock);
        g.updatedAt = g.createdAt;
        return g;
    }

    private Campaign campaign(Organization org, Project p, String name) {
        Campaign c = new Campaign();
        c.id = demoId("campaign:" + name);
        c.orgId = org.id;
        c.projectId = p.id;
        c.name = name;
        c.metadata = "{}";
        c.createdAt = Json.now(clock);
        c.updatedAt = c.createdAt;
        return c;
    }

    private CampaignItem item(Campaign campaign, String type, UUID itemId) {
        CampaignItem i = new CampaignItem();
        i.campaignId = campaign.id;
        i.itemType = type;
        i.itemId = itemId;
        i.orgId = campaign.orgId;
        i.projectId = campaign.projectId;
        i.createdAt = Json.now(clock);
        return i;
    }
}
