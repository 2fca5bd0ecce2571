package com.trackagoat.auth;

import java.util.List;
import java.util.UUID;

/** The authenticated API key and the organization it acts for. */
/**
 * @param statsVersion the organization's {@code stats_version} when the request started: cached
 *                     stats are served only for this version
 */
public record Caller(UUID keyId, UUID orgId, List<String> scopes, String tier, String timezone, boolean platform,
                     long statsVersion) {

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
