package com.trackagoat.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Key format, hashing and generation (docs/reference/auth.md §1): {@code tga_} + 64 lowercase hex; only SHA-256 is stored. */
public final class ApiKeys {

    private static final Pattern KEY = Pattern.compile("^tga_[0-9a-f]{64}$");
    private static final Pattern BEARER = Pattern.compile("^(?i:bearer) +(\\S+)$");

    private ApiKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The key of an {@code Authorization: Bearer <key>} header, or null when absent or malformed. */
    public static String fromAuthorization(String header) {
        if (header == null) {
            return null;
        }
        var m = BEARER.matcher(header.strip());
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1);
        return isValid(key) ? key : null;
    }

    public static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 8 characters after {@code tga_}. */
    public static String prefix(String key) {
        return key.substring(4, 12);
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        // a new instance per key, not a static one: a native image initializes classes at build
        // time, and a SecureRandom in the image heap fails the build (or would repeat its seed)
        new SecureRandom().nextBytes(bytes);
        return "tga_" + HexFormat.of().formatHex(bytes);
    }
}
