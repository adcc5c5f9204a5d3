package org.masakari.api.http;

import java.util.Map;

/**
 * A routed v1 request: the controller action name (for 405 texts and logs), its implementation
 * (null = routed but not implemented → 405), path variables and the URL's project id, if any.
 */
public record RouteMatch(String actionName, Action action, Map<String, String> vars, String projectId) {}
