package org.masakari.monitor.host.heartbeat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One heartbeat datagram: {@code MHB1|sender|network|seq|lost-host,lost-host|mac}. It carries the
 * sender's view (the peers it has lost) so that every node can count votes. The mac is
 * HMAC-SHA256 over everything before it when {@code auth_key} is set, else empty.
 */
record HeartbeatMessage(String sender, String network, long seq, Set<String> lost) {
  static final String MAGIC = "MHB1";

  /** Why a datagram was accepted or dropped; every drop is counted and logged by reason. */
  enum Verdict { OK, MALFORMED, BAD_MAC, UNKNOWN_SENDER, FROM_SELF }

  record Decoded(Verdict verdict, Optional<HeartbeatMessage> message) {}

  byte[] encode(Optional<String> key) {
    String body = MAGIC + "|" + sender + "|" + network + "|" + seq + "|" + String.join(",", new TreeSet<>(lost));
    return (body + "|" + key.map(k -> mac(k, body)).orElse("")).getBytes(StandardCharsets.UTF_8);
  }

  static Decoded decode(byte[] data, int length, Optional<String> key, Set<String> hosts, String self) {
    String text = new String(data, 0, length, StandardCharsets.UTF_8);
    String[] f = text.split("\\|", -1);
    if (f.length != 6 || !MAGIC.equals(f[0])) {
      return new Decoded(Verdict.MALFORMED, Optional.empty());
    }
    if (key.isPresent()) {
      String body = text.substring(0, text.lastIndexOf('|'));
      if (!MessageDigest.isEqual(mac(key.get(), body).getBytes(StandardCharsets.US_ASCII),
          f[5].getBytes(StandardCharsets.US_ASCII))) {
        return new Decoded(Verdict.BAD_MAC, Optional.empty());
      }
    }
    if (!hosts.contains(f[1])) {
      return new Decoded(Verdict.UNKNOWN_SENDER, Optional.empty());
    }
    if (f[1].equals(self)) {
      return new Decoded(Verdict.FROM_SELF, Optional.empty());
    }
    long seq;
    try {
      seq = Long.parseLong(f[3]);
    } catch (NumberFormatException e) {
      return new Decoded(Verdict.MALFORMED, Optional.empty());
    }
    Set<String> lost = f[4].isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f[4].split(",")));
    return new Decoded(Verdict.OK, Optional.of(new HeartbeatMessage(f[1], f[2], seq, lost)));
  }

  private static String mac(String key, String body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(m.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
