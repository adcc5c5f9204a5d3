package org.masakari.lb.balancer;

/** What hash-based algorithms and stickiness look at. */
public record RequestKey(String sourceIp, String uri) {}
