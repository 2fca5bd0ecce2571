package com.trackagoat.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Storable text (docs/decisions.md, "Bad input"): no U+0000 (PostgreSQL text and jsonb refuse it)
 * and no unpaired surrogate (which would be stored as {@code ?} and answered as an escaped lone
 * surrogate).
 */
public final class Text {

    private Text() {
    }

    public static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isText(String)} for every string and every field name inside a JSON value. */
    public static boolean isText(JsonNode v) {
        if (v.isTextual()) {
            return isText(v.textValue());
        }
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!isText(e.getKey()) || !isText(e.getValue())) {
                    return false;
                }
            }
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                if (!isText(e)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Length in characters as the contract counts them: Unicode code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
