package org.masakari.monitor.host.pacemaker;

/** One cluster member as upstream reads it: {@code uname} and the raw {@code crmd} (null if absent). */
record NodeRecord(String uname, String crmd) {}
