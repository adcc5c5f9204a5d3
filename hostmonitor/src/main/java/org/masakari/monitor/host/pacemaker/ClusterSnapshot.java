package org.masakari.monitor.host.pacemaker;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One reading of the cluster: quorum, the nodes in document order, and the parsed CIB when it came
 * from {@code cibadmin} (the IPMI parameters live there; crm_mon output has none).
 */
record ClusterSnapshot(boolean quorum, List<NodeRecord> nodes, Optional<Document> cib) {}
