package org.masakari.sim.keystone;

/** One service of the catalog, published with the same URL on all three interfaces. */
public record CatalogEntry(String type, String name, String url) {}
