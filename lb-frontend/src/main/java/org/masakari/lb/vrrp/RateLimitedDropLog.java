package org.masakari.lb.vrrp;

import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs dropped adverts with their reason. A flood of bad packets must not flood the log, so each
 * verdict logs at most once per second and the line carries the running count (nothing is hidden).
 */
final class RateLimitedDropLog {
  private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);
  private static final long PERIOD_NANOS = 1_000_000_000L;

  private final String logPrefix;
  private final Map<ReceiveVerdict, Long> lastLogged = new EnumMap<>(ReceiveVerdict.class);

  RateLimitedDropLog(String logPrefix) {
    this.logPrefix = logPrefix;
  }

  void dropped(ReceivedAdvert r, long total) {
    long now = System.nanoTime();
    Long last = lastLogged.get(r.verdict());
    if (last == null || now - last >= PERIOD_NANOS) {
      lastLogged.put(r.verdict(), now);
      LOG.warn("{} dropped advert from {}: {} ({}), {} so far", logPrefix,
          r.source() == null ? "?" : r.source().getHostAddress(), r.verdict().reason(), r.detail(), total);
    }
  }
}
