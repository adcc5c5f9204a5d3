package org.masakari.api.http;

import java.util.Map;

/** A Routes-style resource controller: implemented actions by name (index, show, create, ...). */
public record Controller(String collection, Map<String, Action> actions) {
  public Action action(String name) {
    return actions.get(name);
  }
}
