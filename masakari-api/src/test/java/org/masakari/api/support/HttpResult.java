package org.masakari.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** A response as tests look at it. */
public record HttpResult(int status, java.net.http.HttpHeaders headers, String text) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static HttpResult of(HttpResponse<String> r) {
    return new HttpResult(r.statusCode(), r.headers(), r.body());
  }

  public JsonNode json() {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON (" + status + "): " + text, e);
    }
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The fault message of an upstream fault body. */
  public String faultMessage() {
    JsonNode j = json();
    return j.elements().next().path("message").asText();
  }

  public String faultName() {
    return json().fieldNames().next();
  }
}
