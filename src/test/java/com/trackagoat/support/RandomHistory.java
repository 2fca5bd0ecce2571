package com.trackagoat.support;

import com.trackagoat.stats.RollupService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A random organization history for the stats properties (docs/decisions.md, "Stats rollups"):
 * creators with snapshots, videos of every tracking status (one without a creator, sometimes),
 * random baselines of each reason, zero baselines, several snapshots a day, gaps and decreases,
 * written in random order through the rollup maintenance; then review decisions, disabled
 * tracking, deletions, retention pruning and a creator removal; a campaign with a nested one. The
 * window spans the March and April DST changes.
 */
public class RandomHistory {

    public static final LocalDate START = LocalDate.parse("2026-03-01");
    public static final int DAYS = 40;

    public record History(Fixtures.Org org, String tz, UUID project, List<UUID> creators, List<UUID> videos, UUID campaign) {
    }

    private final Fixtures fx;
    private final RollupService rollups;

    public RandomHistory(Fixtures fx, RollupService rollups) {
        this.fx = fx;
        this.rollups = rollups;
    }

    /** A random organization history; every write goes through the rollup maintenance, as the application's writers do. */
    public History generate(Random r, String tz) {
        var org = fx.org("ultra", tz, false);
        UUID o = org.id();
        UUID p = fx.project(o, "P");
        List<UUID> creators = new ArrayList<>();
        List<UUID> videos = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        int creatorCount = 1 + r.nextInt(3);
        for (int c = 0; c < creatorCount; c++) {
            UUID creator = fx.creator(o, p, "c" + c + "x" + Math.abs(r.nextInt()), "active");
            creators.add(creator);
            long followers = r.nextInt(5000);
            for (Instant at : instants(r, 3 + r.nextInt(12))) {
                followers = Math.max(0, followers + r.nextInt(300) - 60);
                long f = followers;
                String reason = r.nextInt(6) == 0 ? (r.nextBoolean() ? "creator_added" : "tracking_resumed") : null;
                int following = r.nextInt(50);
                long likes = r.nextInt(100_000);
                int count = r.nextInt(40);
                writes.add(() -> fx.creatorSnapshot(o, creator, at.toString(), f, following, likes, count, reason));
            }
            int videoCount = r.nextInt(4);
            for (int v = 0; v < videoCount; v++) {
                videos.add(video(r, o, p, creator, writes));
            }
        }
        if (r.nextBoolean()) {   // a video added by URL, without a creator
            videos.add(video(r, o, p, null, writes));
        }
        Collections.shuffle(writes, r);   // out of order: a late snapshot changes the gains of the days after it
        writes.forEach(Runnable::run);

        for (UUID v : videos) {   // what counts changes after the history was written
            switch (r.nextInt(8)) {
                case 0 -> videoChanged(v, "UPDATE video SET tracking_status = 'excluded' WHERE id = $1");   // review decisions
                case 1 -> videoChanged(v, "UPDATE video SET tracking_status = 'included' WHERE id = $1");
                case 2 -> videoChanged(v, "UPDATE video SET deleted_at = now() WHERE id = $1");
                case 3 -> videoChanged(v, "UPDATE video SET tracking_disabled = true WHERE id = $1");
                case 4 -> {   // retention pruning: the video's first days are gone
                    fx.sql("DELETE FROM video_snapshot WHERE video_id = $1 AND captured_at < $2", v,
                            START.plusDays(5 + r.nextInt(10)).atStartOfDay().atOffset(ZoneOffset.UTC));
                    fx.touched(List.of(RollupService.Touch.all(v)), List.of());
                }
                default -> {
                }
            }
        }
        if (creators.size() > 1 && r.nextBoolean()) {   // a removed creator: its videos stop counting
            UUID removed = creators.get(creators.size() - 1);
            fx.sql("UPDATE creator SET status = 'removed' WHERE id = $1", removed);
            fx.inTransaction(tx -> rollups.creatorChanged(tx, removed));
        }
        UUID campaign = fx.campaign(o, p, "K");
        fx.campaignItem(o, p, campaign, "creator", creators.get(0));
        if (!videos.isEmpty()) {
            fx.campaignItem(o, p, campaign, "video", videos.get(videos.size() - 1));
        }
        if (creators.size() > 1) {
            UUID sub = fx.campaign(o, p, "K sub");
            fx.campaignItem(o, p, sub, "creator", creators.get(1));
            fx.campaignItem(o, p, campaign, "campaign", sub);
        }
        return new History(org, tz, p, creators, videos, campaign);
    }

    private void videoChanged(UUID video, String sql) {
        fx.sql(sql, video);
        fx.inTransaction(tx -> rollups.videosChanged(tx, List.of(video)));
    }

    /** A video with posted_at, tracking status and snapshots (random baselines, gaps, several a day, some decreases). */
    private UUID video(Random r, UUID o, UUID p, UUID creator, List<Runnable> writes) {
        String status = List.of("auto_tracked", "auto_tracked", "included", "direct_add", "pending_review", "excluded").get(r.nextInt(6));
        UUID v = fx.video(o, p, creator, status);
        if (r.nextInt(5) > 0) {
            fx.postedAt(v, START.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(r.nextInt(DAYS * 86_400 / 2)).toString());
        }
        long[] c = new long[5];
        List<Instant> at = instants(r, 2 + r.nextInt(25));
        for (int i = 0; i < at.size(); i++) {
            for (int k = 0; k < 5; k++) {
                c[k] = Math.max(0, c[k] + (k == 0 ? r.nextInt(5000) : r.nextInt(200)) - (r.nextInt(10) == 0 ? 300 : 0));
            }
            long[] s = i == 0 && r.nextBoolean() ? new long[5] : c.clone();   // zero baselines too
            String reason = i == 0 || r.nextInt(7) == 0 ? (r.nextBoolean() ? "video_added" : "tracking_resumed") : null;
            Instant when = at.get(i);
            writes.add(() -> fx.videoSnapshot(o, v, when.toString(), s[0], s[1], s[2], s[3], s[4], reason));
        }
        return v;
    }

    /** {@code n} distinct instants in the window, sorted, bunched so that some days get several and some none. */
    private static List<Instant> instants(Random r, int n) {
        Set<Instant> out = new HashSet<>();
        Instant start = START.atStartOfDay().toInstant(ZoneOffset.UTC);
        while (out.size() < n) {
            int day = r.nextInt(4) == 0 ? r.nextInt(DAYS) : r.nextInt(DAYS / 3) * 3;
            out.add(start.plusSeconds(day * 86_400L + r.nextInt(86_400 / 60) * 60L));
        }
        return out.stream().sorted().toList();
    }

}
