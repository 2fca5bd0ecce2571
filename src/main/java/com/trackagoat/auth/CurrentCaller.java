package com.trackagoat.auth;

import com.trackagoat.api.ApiException;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/** The caller of the current request, set by {@link AuthFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller; every {@code /api/v1} request has one once the filters ran. */
    public Caller get() {
        if (caller == null) {
            throw ApiException.invalidApiKey();
        }
        return caller;
    }

    public UUID orgId() {
        return get().orgId();
    }

    boolean isSet() {
        return caller != null;
    }
}
