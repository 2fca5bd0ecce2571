package com.trackagoat.api;

import java.util.List;

/** One page of a keyset-paginated list (docs/reference/conventions.md §6): the rows and where the next page starts. */
public record Page<T>(List<T> items, boolean hasMore, String nextCursor) {
}
