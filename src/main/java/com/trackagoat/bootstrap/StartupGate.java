package com.trackagoat.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open once the startup bootstrap finished. Scheduled work waits for it, so that the scraper never
 * races the demo organization's creation and history backfill.
 */
@ApplicationScoped
public class StartupGate {

    private final AtomicBoolean open = new AtomicBoolean();

    void open() {
        open.set(true);
    }

    public boolean isOpen() {
        return open.get();
    }
}
