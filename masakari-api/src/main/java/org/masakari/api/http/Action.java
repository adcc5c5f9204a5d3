package org.masakari.api.http;

import io.vertx.core.Future;

/** A controller action: parse → authorize → call the service → render. */
@FunctionalInterface
public interface Action {
  Future<Reply> handle(ApiRequest request);
}
