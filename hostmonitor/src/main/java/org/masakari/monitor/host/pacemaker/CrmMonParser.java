package org.masakari.monitor.host.pacemaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * {@code crm_mon -X} (restrict_to_remotes): quorum from {@code summary/current_dc@with_quorum},
 * only {@code nodes/node[@type=remote]}, online true/false mapped to crmd online/offline.
 */
final class CrmMonParser {
  private CrmMonParser() {}

  static ClusterSnapshot parse(String xml) {
    Element root = XmlDocuments.parse(xml).getDocumentElement();
    Element dc = XmlDocuments.child(root, "summary").flatMap(s -> XmlDocuments.child(s, "current_dc"))
        .orElseThrow(() -> new ClusterStateException("crm_mon output has no summary/current_dc"));
    if (!"true".equals(XmlDocuments.attr(dc, "with_quorum"))) {
      return new ClusterSnapshot(false, List.of(), Optional.empty());
    }
    List<Element> nodeElems = XmlDocuments.child(root, "nodes").map(n -> XmlDocuments.children(n, "node"))
        .orElse(List.of());
    if (nodeElems.isEmpty()) {
      throw new ClusterStateException("Failed to get nodes tag");
    }
    List<NodeRecord> nodes = new ArrayList<>();
    for (Element n : nodeElems) {
      if ("remote".equals(XmlDocuments.attr(n, "type"))) {
        nodes.add(new NodeRecord(XmlDocuments.attr(n, "name"),
            "true".equals(XmlDocuments.attr(n, "online")) ? "online" : "offline"));
      }
    }
    return new ClusterSnapshot(true, nodes, Optional.empty());
  }
}
