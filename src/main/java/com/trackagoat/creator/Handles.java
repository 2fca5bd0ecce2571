package com.trackagoat.creator;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Tx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** TikTok handle rules: normalization, validity, the platform's banned-handle list, one holder per project. */
@ApplicationScoped
public class Handles {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9._-]{1,30}$");

    private final Set<String> banned;
    private final CreatorRepository creators;

    public Handles(TrackagoatConfig config, CreatorRepository creators) {
        this.creators = creators;
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

    /**
     * The handle-taken check of create, reactivation, bulk re-enable and rename: 409
     * {@code handle_taken} when a creator of the project that is not removed, other than
     * {@code exceptId} (null: any), holds the handle. In the caller's transaction.
     */
    public Uni<Void> requireAvailable(Tx tx, UUID projectId, String handle, UUID exceptId) {
        return creators.handleTaken(tx, projectId, handle, exceptId).map(taken -> {
            if (taken) {
                throw ApiException.conflict("handle_taken");
            }
            return null;
        });
    }
}
