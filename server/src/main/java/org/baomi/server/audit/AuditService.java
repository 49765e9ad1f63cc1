package org.baomi.server.audit;

import org.baomi.core.ChinaTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.baomi.core.audit.AuditEntry;
import org.baomi.core.audit.Verification;
import org.baomi.server.platform.sheet.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the security auditor does with the audit log: search it, export it, verify it. Each of
 * these is itself audited ({@code audit.view}, {@code audit.export}, {@code audit.verify}), so the
 * auditor's own reading is on the record for the next auditor.
 */
@Service
public class AuditService {

    /** The most entries one page shows. */
    public static final int MAX_PAGE_SIZE = 200;

    /** One page of entries, newest first, and how many match in all. */
    public record Page(List<AuditRepository.Row> rows, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return (long) page * size < total;
        }
    }

    static final String[] CSV_HEADER = {"seq", "at_utc", "local_time", "actor", "actor_role", "unit_id", "unit",
            "action", "object_type", "object_id", "before", "after", "client_address", "prev_hash", "hash"};

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditRepository repository;
    private final AuditVerifier verifier;
    private final AuditLog log;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    AuditService(AuditRepository repository, AuditVerifier verifier, AuditLog log,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.verifier = verifier;
        this.log = log;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** A page of entries matching {@code filter}; pages count from 1. Not audited: see {@link #recordView}. */
    @Transactional(readOnly = true)
    public Page search(AuditRepository.Filter filter, int page, int size) {
        int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int p = Math.max(1, page);
        long total = repository.count(filter);
        return new Page(repository.find(filter, (p - 1) * s, s), p, s, total);
    }

    /**
     * Puts on the record that the current user looked at the entries matching {@code filter}.
     * The page calls this once per filter, not for every page turned.
     */
    @Transactional
    public void recordView(AuditRepository.Filter filter) {
        log.record("audit.view", "audit_log", null, null, describe(filter));
    }

    /**
     * Writes the entries matching {@code filter} as CSV (UTF-8 with a byte-order mark, so that
     * Excel reads Chinese correctly), in chain order, streaming from the database. The export is
     * recorded before the first byte is written and in its own transaction, so that an export
     * broken off half-way is still on the record.
     */
    public void export(AuditRepository.Filter filter, OutputStream out) {
        writing.executeWithoutResult(tx -> log.record("audit.export", "audit_log", null, null, describe(filter)));
        reading.executeWithoutResult(tx -> {
            try (Stream<AuditRepository.Row> rows = repository.stream(filter)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                w.write('\uFEFF');
                writeRow(w, CSV_HEADER);
                var it = rows.iterator();
                while (it.hasNext()) {
                    writeRow(w, csvFields(it.next()));
                }
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the CSV export was broken off: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Verifies the whole chain and records the outcome as {@code audit.verify}. The verification
     * reads the chain as it stood; the entry recording it is appended afterwards and is checked
     * by the next verification.
     */
    public Verification verifyAndRecord() {
        Verification result = verifier.verify();
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (result instanceof Verification.Broken broken) {
            outcome.put("whole", false);
            outcome.put("seq", broken.seq());
            outcome.put("breach", broken.breach().name());
            outcome.put("message", broken.message());
        } else if (result instanceof Verification.Whole whole) {
            outcome.put("whole", true);
            outcome.put("entries", whole.entries());
        }
        writing.executeWithoutResult(tx -> log.record("audit.verify", "audit_log", null, null, outcome));
        return result;
    }

    private static Map<String, Object> describe(AuditRepository.Filter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "actor", f.actor());
        putIf(m, "action", f.action());
        putIf(m, "objectType", f.objectType());
        putIf(m, "objectId", f.objectId());
        putIf(m, "from", f.from());
        putIf(m, "to", f.to());
        putIf(m, "upTo", f.upTo());
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }

    static String[] csvFields(AuditRepository.Row row) {
        AuditEntry e = row.entry();
        return new String[] {Long.toString(e.seq()), e.at().toString(),
                LOCAL.format(e.at().atZone(ChinaTime.ZONE)), e.actor(), e.actorRole(),
                e.unitId() == null ? null : e.unitId().toString(), row.unitName(), e.action(), e.objectType(),
                e.objectId(), e.before(), e.after(), e.clientAddress(), e.prevHash(), e.hash()};
    }

    static void writeRow(Writer w, String[] fields) throws IOException {
        Csv.writeRow(w, fields);
    }

    /** RFC 4180 quoting with the formula guard; one implementation for every CSV Baomi writes ({@link Csv}). */
    static String csvCell(String value) {
        return Csv.cell(value);
    }
}
