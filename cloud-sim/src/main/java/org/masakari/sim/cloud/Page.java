package org.masakari.sim.cloud;

import java.util.List;

/** One page of a list; {@code full} when it holds {@code limit} items, where Nova adds a next link. */
public record Page<T>(List<T> items, boolean full) {}
