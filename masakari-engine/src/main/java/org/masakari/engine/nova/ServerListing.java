package org.masakari.engine.nova;

import java.time.Instant;
import java.util.List;

/**
 * Servers as one Nova list call (all pages) returned them.
 *
 * @param novaTime a moment on Nova's clock no later than the list was read (the response's {@code Date}
 *     less the round trip and a margin for clock differences between Nova's hosts);
 *     every change made after it shows in a later {@code changes-since=novaTime} list. Null when Nova sent
 *     no {@code Date} header.
 */
public record ServerListing(List<Server> servers, Instant novaTime) {
  public ServerListing {
    servers = List.copyOf(servers);
  }
}
