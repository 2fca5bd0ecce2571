package com.trackagoat.auth;

import java.util.List;
import java.util.UUID;

/** The authenticated API key and the organization it acts for. */
public record Caller(UUID keyId, UUID orgId, List<String> scopes, String tier, String timezone, boolean platform) {

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
