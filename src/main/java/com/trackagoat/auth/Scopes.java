package com.trackagoat.auth;

import java.util.Arrays;
import java.util.List;

/** Scopes {@code read}, {@code write}, {@code admin}, always kept and listed in that order. */
public final class Scopes {

    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String ADMIN = "admin";
    public static final List<String> ORDER = List.of(READ, WRITE, ADMIN);
    public static final List<String> DEFAULT = List.of(READ, WRITE);

    private Scopes() {
    }

    public static List<String> parse(String stored) {
        List<String> given = Arrays.asList(stored.split(","));
        return ORDER.stream().filter(given::contains).toList();
    }

    public static String format(List<String> scopes) {
        return String.join(",", ORDER.stream().filter(scopes::contains).toList());
    }
}
