package com.trackagoat.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The application's one source of "now": inject {@link Clock} (UTC) instead of reading the system
 * clock, so that every timestamp, quota day and slot comes from the same place (tests may inject it).
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
