package org.masakari.monitor.host.pacemaker;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parsing with DTDs off (the XML comes from a tool, never needs entities) and direct-child walks. */
final class XmlDocuments {
  private XmlDocuments() {}

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new ClusterStateException("unparsable XML: " + e.getMessage());
    }
  }

  /** Direct children with this tag, like ElementTree's {@code findall(tag)}. */
  static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  static Optional<Element> child(Element parent, String tag) {
    List<Element> c = children(parent, tag);
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  /** The attribute or null when absent (DOM returns "" for both absent and empty). */
  static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : null;
  }
}
