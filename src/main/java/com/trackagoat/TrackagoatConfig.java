package com.trackagoat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the service ({@code trackagoat.*}); defaults live in application.properties. */
@ConfigMapping(prefix = "trackagoat")
public interface TrackagoatConfig {

    /** Plan tiers by name (docs/reference/limits.md); -1 = unlimited. */
    Map<String, Tier> tiers();

    RateLimit rateLimit();

    /** The organizations' daily request counters, kept in memory and flushed in batches (see auth.RequestCounter). */
    RequestCounter requestCounter();

    Bootstrap bootstrap();

    Demo demo();

    Scrape scrape();

    Retention retention();

    /** The daily stats rollups' build job (see stats.RollupBuildJob). */
    Rollups rollups();

    /** Timeouts of the reactive pool's PostgreSQL connections (resilience; see db.ResilientPoolCreator). */
    Db db();

    /** HTTP-level guards (resilience; see api.HttpGuards). */
    Http http();

    /** Handles banned on the platform (docs/reference/scraping.md §1). */
    Optional<List<String>> bannedHandles();

    /**
     * Start an embedded PostgreSQL when no datasource URL is configured ({@code TRACKAGOAT_EMBEDDED_DB}).
     * Read by {@link Main} before start-up, from the environment and system properties; declared
     * here so that the property is a known one.
     */
    @WithDefault("false")
    boolean embeddedDb();

    /** Data directory of the embedded PostgreSQL ({@code TRACKAGOAT_EMBEDDED_DATA_DIR}; read by {@link Main}). */
    @WithDefault(".data/postgres")
    String embeddedDataDir();

    interface Tier {
        long maxCreatorsPerOrg();
        long maxTrackedVideosPerOrg();
        long maxProjectsPerOrg();
        long maxMembersPerOrg();
        long maxCampaignsPerProject();
        long maxCampaignItemsPerCampaign();
        long maxApiKeysPerOrg();
        long maxApiRequestsPerDay();
        long maxManualScrapeTriggersPerDay();
        long maxPayoutMethodsPerOrg();
        long maxPayoutStructuresPerProject();
        long minVideoStatsHours();
        long minDiscoverVideosHours();
        long minCreatorProfilesHours();
        long statsHistoryRetentionDays();
    }

    interface RateLimit {
        @WithDefault("60")
        int perKeyPerMinute();
    }

    interface RequestCounter {
        /**
         * How often the counts of this instance are written to the database (one statement), which
         * also refreshes the totals other instances wrote: with several instances the daily quota can
         * be overshot by the requests the others counted in the last two intervals. docs/reference/auth.md
         * §8 allows batches of at most one second.
         */
        @WithDefault("1s")
        Duration flushInterval();

        /** How long shutdown waits for the last flush; counts still unwritten then are lost (logged). */
        @WithDefault("10s")
        Duration shutdownTimeout();
    }

    interface Bootstrap {
        Optional<String> adminKey();
    }

    interface Demo {
        @WithDefault("false")
        boolean enabled();

        Optional<String> apiKey();

        @WithDefault("60")
        int historyDays();
    }

    interface Retention {
        /** Daily pruning of snapshots beyond the tier's retention (UTC). */
        @WithDefault("0 0 3 * * ?")
        String cron();
    }

    interface Rollups {
        /** Videos or creators built per transaction. */
        @WithDefault("200")
        int buildBatch();

        /** How often the build job looks for zones being built. */
        @WithDefault("10s")
        Duration buildEvery();
    }

    interface Scrape {
        @WithDefault("true")
        boolean enabled();

        /** Interval of the job; slots are multiples of it since the epoch. */
        @WithDefault("1h")
        Duration every();

        /** Quartz-style cron; overrides {@link #every()} when set. */
        Optional<String> cron();

        /** Entities claimed per transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * A scheduled cycle still running after this long is given up (logged, counted as failed),
         * so a database that accepts connections but never answers cannot hold the job forever.
         */
        @WithDefault("30m")
        Duration cycleTimeout();
    }

    interface Db {
        /** PostgreSQL {@code statement_timeout} of every pool session: the server cancels longer statements (503). */
        @WithDefault("60s")
        Duration statementTimeout();

        /** TCP connect timeout of a new connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * How long a query waits for a free pool connection; 0 = no limit of its own (the request
         * timeout bounds API requests). Vert.x 4.5 does not cancel this timer when the acquisition
         * fails, so each failed connect during an outage later logs "Result is already complete".
         */
        @WithDefault("0s")
        Duration acquireTimeout();
    }

    interface Http {
        /**
         * An API request still unanswered after this long is answered 503 service_unavailable: bounds
         * requests stuck on a database that accepted the connection but never answers. Must exceed
         * {@link Db#statementTimeout()}, so that a merely slow statement is cancelled by the server first.
         */
        @WithDefault("65s")
        Duration requestTimeout();
    }
}
