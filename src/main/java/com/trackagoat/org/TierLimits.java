package com.trackagoat.org;

import com.trackagoat.TrackagoatConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Limits per tier, read from configuration at start (docs/reference/limits.md). */
@ApplicationScoped
public class TierLimits {

    public static final Set<String> TIERS = Set.of("free", "starter", "ultra");

    private final Map<String, Limits> byTier;

    public TierLimits(TrackagoatConfig config) {
        this.byTier = config.tiers().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Limits.of(e.getValue())));
        for (String tier : TIERS) {
            if (!byTier.containsKey(tier)) {
                throw new IllegalStateException("Missing configuration trackagoat.tiers." + tier + ".*");
            }
        }
    }

    public Limits of(String tier) {
        return byTier.get(tier);
    }
}
