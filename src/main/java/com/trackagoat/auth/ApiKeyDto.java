package com.trackagoat.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.trackagoat.api.Json;

import java.util.List;
import java.util.UUID;

/** The key object of docs/reference/auth.md §4; {@code key} (the plaintext) only in the creation answer. */
public record ApiKeyDto(UUID id, String name, String prefix, List<String> scopes, String createdAt, String lastUsedAt,
                        String revokedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    public static ApiKeyDto of(ApiKey k) {
        return of(k, null);
    }

    public static ApiKeyDto of(ApiKey k, String plaintext) {
        return new ApiKeyDto(k.id, k.name, k.prefix, Scopes.parse(k.scopes), Json.ts(k.createdAt), Json.ts(k.lastUsedAt),
                Json.ts(k.revokedAt), plaintext);
    }
}
