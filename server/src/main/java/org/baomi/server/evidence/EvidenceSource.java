package org.baomi.server.evidence;

import java.util.List;

/** A feature's evidence queries; {@link EvidenceQueries} collects every source's into one registry. */
public interface EvidenceSource {

    List<EvidenceQuery> queries();
}
