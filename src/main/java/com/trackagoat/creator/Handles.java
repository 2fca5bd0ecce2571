package com.trackagoat.creator;

import com.trackagoat.TrackagoatConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** TikTok handle rules: normalization, validity, the platform's banned-handle list. */
@ApplicationScoped
public class Handles {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9._-]{1,30}$");

    private final Set<String> banned;

    public Handles(TrackagoatConfig config) {
        this.banned = config.bannedHandles().orElse(List.of()).stream()
                .map(h -> normalize(h.strip()))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One leading {@code @} stripped, lowercased. */
    public static String normalize(String raw) {
        String h = raw.startsWith("@") ? raw.substring(1) : raw;
        return h.toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String normalized) {
        return VALID.matcher(normalized).matches();
    }

    public boolean isBanned(String normalized) {
        return banned.contains(normalized);
    }
}
