package org.masakari.core.queue;

import com.rabbitmq.client.Address;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * oslo.messaging's {@code transport_url}: {@code rabbit://user:pass@host:port[,user:pass@host2:port]/vhost}.
 * The first host's credentials are used for all (as oslo does when only one pair is given).
 */
public record TransportUrl(String user, String password, List<Address> addresses, String virtualHost) {

  public static TransportUrl parse(String url) {
    String u = url.strip();
    String scheme;
    int i = u.indexOf("://");
    if (i < 0) {
      throw new IllegalArgumentException("not a transport URL: '" + url + "'");
    }
    scheme = u.substring(0, i);
    if (!scheme.equals("rabbit") && !scheme.equals("amqp")) {
      throw new IllegalArgumentException("unsupported transport '" + scheme + "' (only rabbit:// is supported)");
    }
    String rest = u.substring(i + 3);
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    String vhost = slash < 0 ? "" : URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
    if (vhost.isEmpty()) {
      vhost = "/";
    }
    String user = "guest";
    String pass = "guest";
    List<Address> addresses = new ArrayList<>();
    boolean first = true;
    for (String part : hosts.split(",")) {
      String hp = part;
      int at = part.lastIndexOf('@');
      if (at >= 0) {
        String[] cred = part.substring(0, at).split(":", 2);
        if (first) {
          user = URLDecoder.decode(cred[0], StandardCharsets.UTF_8);
          pass = cred.length > 1 ? URLDecoder.decode(cred[1], StandardCharsets.UTF_8) : "";
        }
        hp = part.substring(at + 1);
      }
      first = false;
      if (hp.isEmpty()) {
        continue;
      }
      int colon = hp.lastIndexOf(':');
      if (colon > 0 && !hp.endsWith("]")) {
        try {
          addresses.add(new Address(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad port in transport URL host '" + hp + "'");
        }
      } else {
        addresses.add(new Address(hp, 5672));
      }
    }
    if (addresses.isEmpty()) {
      addresses.add(new Address("127.0.0.1", 5672));
    }
    return new TransportUrl(user, pass, List.copyOf(addresses), vhost);
  }

  @Override
  public String toString() {
    return "rabbit://" + user + ":***@" + addresses + "/" + virtualHost;
  }
}
