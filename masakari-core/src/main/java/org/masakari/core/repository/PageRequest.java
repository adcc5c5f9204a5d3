package org.masakari.core.repository;

/** limit (already validated and capped), marker (raw string as given, or null) and sort order. */
public record PageRequest(int limit, String marker, SortSpec sort) {
  public static PageRequest all(int maxLimit) {
    return new PageRequest(maxLimit, null, SortSpec.defaults());
  }
}
