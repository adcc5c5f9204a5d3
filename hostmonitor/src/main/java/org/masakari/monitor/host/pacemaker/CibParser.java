package org.masakari.monitor.host.pacemaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code cibadmin --query}: quorum from the root's {@code have-quorum} (an integer, 0 = none) and
 * {@code status/node_state} uname/crmd, direct children only, root tag not checked — as upstream.
 */
final class CibParser {
  private CibParser() {}

  static ClusterSnapshot parse(String xml) {
    Document doc = XmlDocuments.parse(xml);
    Element root = doc.getDocumentElement();
    String q = XmlDocuments.attr(root, "have-quorum");
    int quorum;
    try {
      quorum = Integer.parseInt(q == null ? "" : q.strip());
    } catch (NumberFormatException e) {
      throw new ClusterStateException("have-quorum is not an integer: " + q);
    }
    if (quorum == 0) {
      return new ClusterSnapshot(false, List.of(), Optional.of(doc));
    }
    Element status = XmlDocuments.child(root, "status")
        .orElseThrow(() -> new ClusterStateException("CIB has no status element"));
    List<NodeRecord> nodes = new ArrayList<>();
    for (Element ns : XmlDocuments.children(status, "node_state")) {
      nodes.add(new NodeRecord(XmlDocuments.attr(ns, "uname"), XmlDocuments.attr(ns, "crmd")));
    }
    if (nodes.isEmpty()) {
      throw new ClusterStateException("CIB status has no node_state");
    }
    return new ClusterSnapshot(true, nodes, Optional.of(doc));
  }
}
