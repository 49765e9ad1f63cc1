package org.baomi.server.audit;

import java.util.stream.Stream;
import org.baomi.core.audit.AuditChain;
import org.baomi.core.audit.AuditEntry;
import org.baomi.core.audit.Verification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies the whole chain against the recorded head, streaming entries from the database. */
@Service
public class AuditVerifier {

    private final AuditRepository repository;
    private final AuditChain chain;

    AuditVerifier(AuditRepository repository, AuditChain chain) {
        this.repository = repository;
        this.chain = chain;
    }

    /** Runs in a transaction so that PostgreSQL streams the cursor instead of loading every row. */
    @Transactional(readOnly = true)
    public Verification verify() {
        var head = repository.head().orElse(null);
        try (Stream<AuditEntry> entries = repository.streamInOrder()) {
            return chain.verify(entries.iterator(), head);
        }
    }
}
