package org.baomi.server.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.server.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The registry of evidence queries by id, collected from every {@link EvidenceSource}. Two
 * queries with one id stop the application from starting; an unknown id is a 404 naming it.
 */
@Component
public class EvidenceQueries {

    private final Map<String, EvidenceQuery> byId;

    EvidenceQueries(List<EvidenceSource> sources) {
        Map<String, EvidenceQuery> map = new LinkedHashMap<>();
        List<EvidenceQuery> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.queries()));
        all.sort((a, b) -> a.id().compareTo(b.id()));
        for (EvidenceQuery q : all) {
            if (map.putIfAbsent(q.id(), q) != null) {
                throw new IllegalStateException("two evidence queries have the id " + q.id());
            }
        }
        byId = Collections.unmodifiableMap(map);
    }

    /** Every query, by id. */
    public List<EvidenceQuery> all() {
        return List.copyOf(byId.values());
    }

    public boolean exists(String id) {
        return byId.containsKey(id);
    }

    /** The query with {@code id}; a {@link NotFoundException} {@code evidence.unknownQuery} otherwise. */
    public EvidenceQuery get(String id) {
        EvidenceQuery q = byId.get(id);
        if (q == null) {
            throw new NotFoundException("evidence.unknownQuery", "There is no evidence query \"" + id
                    + "\"; GET /api/v1/evidence/queries lists them.");
        }
        return q;
    }
}
