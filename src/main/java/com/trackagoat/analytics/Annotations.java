package com.trackagoat.analytics;

import java.util.List;

/** The values of an annotation's enumerated fields (docs/reference/data-model.md "Annotation"). */
public final class Annotations {

    /** {@code kind}; the first is the default of a create. */
    public static final List<String> KINDS = List.of("note", "launch", "milestone", "incident");
    /** {@code entity_type}: what an annotation may target (null: the whole organization). */
    public static final List<String> ENTITY_TYPES = List.of("project", "creator", "video", "campaign");
    /** Longest {@code body}, in characters. */
    public static final int MAX_BODY = 5_000;

    private Annotations() {
    }
}
