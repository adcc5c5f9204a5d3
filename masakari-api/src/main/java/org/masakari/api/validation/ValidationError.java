package org.masakari.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The first schema violation, with what upstream needs to word its message. */
public record ValidationError(List<String> path, JsonNode instance, String message, boolean invalidName) {

  /** Upstream's text (masakari/api/validation/validators.py). */
  public String upstreamMessage() {
    if (invalidName) {
      return "An invalid 'name' value was provided. The name must be: printable characters. "
          + "Can not start or end with whitespace.";
    }
    if (!path.isEmpty()) {
      return "Invalid input for field/attribute " + path.get(path.size() - 1) + ". Value: "
          + PyRepr.str(instance) + ". " + message;
    }
    return message;
  }
}
