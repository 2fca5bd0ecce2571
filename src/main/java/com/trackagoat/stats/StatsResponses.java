package com.trackagoat.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The JSON shapes of the stats endpoints (docs/reference/stats-and-metrics.md §3–§6), keys in contract order. */
public final class StatsResponses {

    private StatsResponses() {
    }

    /**
     * The {@code data} of a stats answer: the entity's own shape, or the derived series when
     * {@code metric} is given. Its implementations are reached through this interface only, so each
     * is registered for reflection with its whole hierarchy.
     */
    public sealed interface StatsData permits VideoStats, CreatorStats, CampaignStats, DerivedStats {
    }

    public record Baseline(UUID entityId, String snapshotAt, String reason) {
    }

    public record VideoHistory(String date, long viewCount, long likeCount, long commentCount, long shareCount, long saveCount) {
    }

    public record VelocityEntry(int dayNumber, Long viewsGained) {
    }

    public record CohortEntry(int dayNumber, double avgViewsGained, int sampleSize) {
    }

    public record Cohort(List<CohortEntry> creatorAvg, List<CohortEntry> orgAvg) {
    }

    /** Video legacy shape; {@code cohort} is the only optional key of any data object. */
    @RegisterForReflection(registerFullHierarchy = true)
    public record VideoStats(UUID videoId, String timezone, String from, String to, List<VideoHistory> history,
                             List<VelocityEntry> velocity, List<Baseline> baselines, String firstDataDate,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Cohort cohort) implements StatsData {
    }

    public record CreatorHistory(String date, Long followerCount, Long followingCount, Long likesCount, Long videoCount,
                                 long views, long likes, long comments, long shares, long saves,
                                 Long viewsGained, Long likesGained, Long commentsGained, Long sharesGained, Long savesGained,
                                 long posts) {
    }

    @RegisterForReflection(registerFullHierarchy = true)
    public record CreatorStats(UUID creatorId, String timezone, String from, String to, List<CreatorHistory> history,
                               List<Baseline> baselines, String firstDataDate) implements StatsData {
    }

    public record CampaignHistory(String date, long views, long likes, long comments, long shares, long saves,
                                  Long viewsGained, Long likesGained, Long commentsGained, Long sharesGained, Long savesGained,
                                  long posts) {
    }

    public record Totals(long videos, long creators, long views, long likes, long comments, long shares, long saves) {
    }

    @RegisterForReflection(registerFullHierarchy = true)
    public record CampaignStats(UUID campaignId, String timezone, String from, String to, Totals totals,
                                List<CampaignHistory> history, Long targetViews, String targetAt, Double progressPct,
                                List<Baseline> baselines, String firstDataDate) implements StatsData {
    }

    @Schema(name = "SeriesPoint")
    public record Point(String bucketStart, Double value) {
    }

    public record Series(String metric, String unit, String mode, String granularity, String timezone, List<Point> points) {
    }

    @RegisterForReflection(registerFullHierarchy = true)
    public record DerivedStats(List<Series> series, List<Baseline> baselines, String firstDataDate) implements StatsData {
    }
}
