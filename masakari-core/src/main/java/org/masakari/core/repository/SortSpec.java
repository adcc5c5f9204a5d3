package org.masakari.core.repository;

import java.util.ArrayList;
import java.util.List;
import org.masakari.core.fault.Fault;

/**
 * Sort keys and directions as upstream processes them (common.get_sort_params + the DB layer's
 * process_sort_params): defaults created_at/desc, missing directions take the first one, and
 * created_at and id are appended as tie-breakers. Keys are checked against the table's columns later.
 */
public record SortSpec(List<String> keys, List<String> dirs) {

  public static SortSpec parse(List<String> sortKeys, List<String> sortDirs) {
    List<String> keys = new ArrayList<>();
    for (String k : sortKeys) {
      keys.add(k.strip());
    }
    List<String> dirs = new ArrayList<>();
    for (String d : sortDirs) {
      dirs.add(d.strip());
    }
    if (keys.isEmpty()) {
      keys.add("created_at");
    }
    if (dirs.isEmpty()) {
      dirs.add("desc");
    }
    String defaultDir = dirs.get(0);
    for (String d : dirs) {
      if (!d.equals("asc") && !d.equals("desc")) {
        throw Fault.invalidInput("Unknown sort direction, must be 'asc' or 'desc'");
      }
    }
    while (dirs.size() < keys.size()) {
      dirs.add(defaultDir);
    }
    if (dirs.size() > keys.size()) {
      throw Fault.invalidInput("Sort direction size exceeds sort key size");
    }
    for (String k : List.of("created_at", "id")) {
      if (!keys.contains(k)) {
        keys.add(k);
        dirs.add(defaultDir);
      }
    }
    return new SortSpec(List.copyOf(keys), List.copyOf(dirs));
  }

  public static SortSpec defaults() {
    return parse(List.of(), List.of());
  }
}
