package com.trackagoat.scrape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The deterministic stand-in for TikTok (docs/reference/scraping.md §3–§4). Every draw comes from a generator
 * seeded with SHA-256 of the entity, the slot and a stream name, so the same entity at the same
 * slot always yields the same numbers, on any instance. Pure: no clock, no I/O.
 */
public final class Simulation {

    private static final double DAY_SECONDS = 86_400.0;
    private static final String[] WORDS = {"pasta", "morning", "routine", "budget", "hack", "storytime", "review", "glow-up",
            "workout", "travel", "recipe", "tips", "challenge", "unboxing", "tutorial", "vlog", "weekend", "secret", "quick", "honest"};

    private Simulation() {
    }

    /** Counters of a video: views, likes, comments, shares, saves. */
    public record VideoCounters(long views, long likes, long comments, long shares, long saves) {
    }

    /** Counters of a creator profile. */
    public record CreatorCounters(long followers, long following, long likes, long videos) {
    }

    /** A video found by discovery. */
    public record Post(UUID id, String tiktokVideoId, Instant postedAt, String title) {
    }

    // ------------------------------------------------------------------------------ randomness

    /** A generator seeded with the first 8 bytes of SHA-256 of the text. */
    static Random rng(String seedText) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seedText.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (h[i] & 0xff);
            }
            return new Random(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Random rng(UUID entity, Instant slot, String stream) {
        return rng(entity + ":" + slot.getEpochSecond() + ":" + stream);
    }

    static Random traits(UUID entity) {
        return rng(entity + ":traits");
    }

    static double lognormal(Random r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    static double uniform(Random r, double min, double max) {
        return min + (max - min) * r.nextDouble();
    }

    // ----------------------------------------------------------------------------------- videos

    /** Stable traits of a video: potential P, time constant τ (days) and ratios to views. */
    record VideoTraits(double potential, double tau, double like, double comment, double share, double save) {
        static VideoTraits of(UUID video) {
            Random r = traits(video);
            double p = Math.min(20_000_000, Math.max(200, lognormal(r, 20_000, 1.4)));
            return new VideoTraits(p, uniform(r, 1.5, 4), uniform(r, 0.04, 0.12), uniform(r, 0.002, 0.01),
                    uniform(r, 0.001, 0.012), uniform(r, 0.002, 0.02));
        }

        /** Expected lifetime views at age {@code a} days: fast early growth, then a slow tail. */
        double expected(double a) {
            a = Math.max(0, a);
            return potential * (1 - Math.exp(-a / tau)) + 0.002 * potential * a;
        }
    }

    static double ageDays(Instant postedAt, Instant at) {
        return Math.max(0, (at.getEpochSecond() - postedAt.getEpochSecond()) / DAY_SECONDS);
    }

    /** The first snapshot of a video at {@code slot}. {@code postedAt} may be null (then: posted at the slot). */
    public static VideoCounters firstVideo(UUID video, Instant slot, Instant postedAt) {
        VideoTraits t = VideoTraits.of(video);
        Random r = rng(video, slot, "video");
        long views = Math.round(t.expected(ageDays(postedAt == null ? slot : postedAt, slot)) * lognormal(r, 1, 0.15));
        return new VideoCounters(views, share(r, views, t.like()), share(r, views, t.comment()), share(r, views, t.share()),
                share(r, views, t.save()));
    }

    /** The next snapshot: the previous counters plus the growth between the two ages. Never decreases. */
    public static VideoCounters nextVideo(UUID video, Instant slot, Instant postedAt, Instant previousAt, VideoCounters previous) {
        VideoTraits t = VideoTraits.of(video);
        Random r = rng(video, slot, "video");
        Instant posted = postedAt == null ? previousAt : postedAt;
        double expectedGain = t.expected(ageDays(posted, slot)) - t.expected(ageDays(posted, previousAt));
        long gain = Math.max(0, Math.round(expectedGain * lognormal(r, 1, 0.25)));
        return new VideoCounters(previous.views() + gain, previous.likes() + share(r, gain, t.like()),
                previous.comments() + share(r, gain, t.comment()), previous.shares() + share(r, gain, t.share()),
                previous.saves() + share(r, gain, t.save()));
    }

    private static long share(Random r, long views, double ratio) {
        return Math.max(0, Math.round(views * ratio * lognormal(r, 1, 0.2)));
    }

    // --------------------------------------------------------------------------------- creators

    /** Stable traits of a creator: starting followers, posting rate per day, base post count, following. */
    record CreatorTraits(long followers, double postsPerDay, long baseVideos, long following, double likesPerFollowerDay) {
        static CreatorTraits of(UUID creator) {
            Random r = traits(creator);
            long followers = Math.round(Math.min(50_000_000, Math.max(500, lognormal(r, 50_000, 1.2))));
            return new CreatorTraits(followers, uniform(r, 0.3, 1.2), 20 + r.nextInt(381), 50 + r.nextInt(1950), uniform(r, 0.005, 0.03));
        }
    }

    /** The first creator snapshot; {@code discovered} = posts discovered so far. */
    public static CreatorCounters firstCreator(UUID creator, Instant slot, long discovered) {
        CreatorTraits t = CreatorTraits.of(creator);
        Random r = rng(creator, slot, "creator");
        long followers = Math.round(t.followers() * lognormal(r, 1, 0.05));
        return new CreatorCounters(followers, t.following(), Math.round(followers * uniform(r, 5, 40)), t.baseVideos() + discovered);
    }

    /** The next creator snapshot: followers drift by N(0.2 %, 0.4 %) per elapsed day, likes grow with followers. */
    public static CreatorCounters nextCreator(UUID creator, Instant slot, Instant previousAt, CreatorCounters previous, long discovered) {
        CreatorTraits t = CreatorTraits.of(creator);
        Random r = rng(creator, slot, "creator");
        double days = Math.max(0, (slot.getEpochSecond() - previousAt.getEpochSecond()) / DAY_SECONDS);
        long followers = Math.max(0, previous.followers() + Math.round(previous.followers() * (0.002 + 0.004 * r.nextGaussian()) * days));
        long following = Math.max(0, previous.following() + Math.round(3 * r.nextGaussian() * Math.sqrt(days)));
        long likes = previous.likes() + Math.max(0, Math.round(followers * t.likesPerFollowerDay() * days * lognormal(r, 1, 0.2)));
        return new CreatorCounters(followers, following, likes, t.baseVideos() + discovered);
    }

    // -------------------------------------------------------------------------------- discovery

    /**
     * Posts of a creator in the window {@code (from, slot]}: Poisson(rate × days) of them, each at
     * a time between 10:00 and 22:00 UTC inside the window and not before {@code notBefore}.
     */
    public static List<Post> discover(UUID creator, Instant slot, Instant from, Instant notBefore) {
        Instant start = from.isBefore(notBefore) ? notBefore : from;
        List<Post> posts = new ArrayList<>();
        if (!start.isBefore(slot)) {
            return posts;
        }
        // daytime intervals (10:00–22:00 UTC) intersected with the window
        List<long[]> intervals = new ArrayList<>();
        long total = 0;
        for (LocalDate d = LocalDate.ofInstant(start, ZoneOffset.UTC); !d.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(slot); d = d.plusDays(1)) {
            long a = Math.max(d.atTime(10, 0).toEpochSecond(ZoneOffset.UTC), start.getEpochSecond() + 1);
            long b = Math.min(d.atTime(22, 0).toEpochSecond(ZoneOffset.UTC), slot.getEpochSecond());
            if (b >= a) {
                intervals.add(new long[]{a, b});
                total += b - a + 1;
            }
        }
        if (total == 0) {
            return posts;
        }
        Random r = rng(creator, slot, "discovery");
        double days = (slot.getEpochSecond() - start.getEpochSecond()) / DAY_SECONDS;
        int n = poisson(r, CreatorTraits.of(creator).postsPerDay() * days);
        for (int i = 0; i < n; i++) {
            long offset = (long) (r.nextDouble() * total);
            long at = 0;
            for (long[] iv : intervals) {
                long len = iv[1] - iv[0] + 1;
                if (offset < len) {
                    at = iv[0] + offset;
                    break;
                }
                offset -= len;
            }
            long bits = Integer.toUnsignedLong(r.nextInt());
            String tiktokId = Long.toUnsignedString((at << 32) | bits);
            String title = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)];
            UUID id = UUID.nameUUIDFromBytes((creator + ":" + tiktokId).getBytes(StandardCharsets.UTF_8));
            posts.add(new Post(id, tiktokId, Instant.ofEpochSecond(at), title));
        }
        return posts;
    }

    static int poisson(Random r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {   // normal approximation keeps large windows cheap
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** The slot of a scheduled fire time: floored to a multiple of the interval since the epoch. */
    public static Instant slot(Instant fireTime, Duration interval) {
        long step = interval.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(fireTime.getEpochSecond(), step) * step);
    }
}
