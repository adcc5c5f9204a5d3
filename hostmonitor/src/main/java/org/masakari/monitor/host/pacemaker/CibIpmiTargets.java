package org.masakari.monitor.host.pacemaker;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.masakari.monitor.host.power.IpmiTarget;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Upstream's lookup: {@code configuration/resources/group/primitive[@type="external/ipmi"]/
 * instance_attributes/*} whose {@code hostname} is the failed host. Only primitives directly inside
 * a group count; other fencing agents (fence_ipmilan...) are not understood, as upstream.
 */
final class CibIpmiTargets {
  private CibIpmiTargets() {}

  static Optional<IpmiTarget> find(Document cib, String host) {
    Element root = cib.getDocumentElement();
    Optional<Element> resources = XmlDocuments.child(root, "configuration")
        .flatMap(c -> XmlDocuments.child(c, "resources"));
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    for (Element group : XmlDocuments.children(resources.get(), "group")) {
      for (Element prim : XmlDocuments.children(group, "primitive")) {
        if (!"external/ipmi".equals(XmlDocuments.attr(prim, "type"))) {
          continue;
        }
        for (Element ia : XmlDocuments.children(prim, "instance_attributes")) {
          Map<String, String> nv = new HashMap<>();
          for (Node n = ia.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.hasAttribute("name")) {
              nv.put(e.getAttribute("name"), e.getAttribute("value"));
            }
          }
          if (host.equals(nv.get("hostname"))) {
            if (nv.get("ipaddr") == null || nv.get("userid") == null || nv.get("passwd") == null
                || nv.get("interface") == null) {
              return Optional.empty(); // upstream would run ipmitool with None and fail: same outcome
            }
            return Optional.of(new IpmiTarget(host, nv.get("ipaddr"), nv.get("userid"), nv.get("passwd"),
                nv.get("interface")));
          }
        }
      }
    }
    return Optional.empty();
  }
}
