package org.baomi.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.baomi.core.audit.Verification.Breach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    final byte[] key = new byte[32];
    AuditChain chain;
    List<AuditEntry> log;
    ChainHead head;

    @BeforeEach
    void writeTenEntries() {
        Arrays.fill(key, (byte) 7);
        chain = new AuditChain(key);
        log = new ArrayList<>();
        head = null;
        for (int i = 1; i <= 10; i++) {
            var entry = chain.append(AuditEntry.unsealed(Instant.parse("2026-01-01T00:00:00.123456789Z").plusSeconds(i),
                    "officer" + i, "SECRECY_OFFICER", 3L, "carrier.register", "carrier", "C-" + i, null,
                    "{\"title\":\"文件" + i + "\"}", "10.0.0." + i), head);
            log.add(entry);
            head = chain.headFor(entry);
        }
    }

    Verification verify() {
        return chain.verify(log.iterator(), head);
    }

    @Test
    void anUntouchedChainIsWhole() {
        assertThat(verify()).isEqualTo(new Verification.Whole(10));
        assertThat(chain.verify(List.<AuditEntry>of().iterator(), null)).isEqualTo(new Verification.Whole(0));
    }

    @Test
    void namesAChangedEntry() {
        AuditEntry e = log.get(4);
        log.set(4, new AuditEntry(e.seq(), e.at(), "someone-else", e.actorRole(), e.unitId(), e.action(),
                e.objectType(), e.objectId(), e.before(), e.after(), e.clientAddress(), e.prevHash(), e.hash()));
        assertThat(verify()).isInstanceOfSatisfying(Verification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.breach()).isEqualTo(Breach.CHANGED);
            assertThat(b.message()).contains("#5");
        });
    }

    @Test
    void namesARemovedEntry() {
        log.remove(6);
        assertThat(verify()).isInstanceOfSatisfying(Verification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(7);
            assertThat(b.breach()).isEqualTo(Breach.REMOVED);
        });
    }

    @Test
    void namesEntriesCutOffTheEnd() {
        log.remove(9);
        log.remove(8);
        assertThat(verify()).isInstanceOfSatisfying(Verification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(9);
            assertThat(b.breach()).isEqualTo(Breach.REMOVED);
        });
    }

    @Test
    void namesAnEntryInsertedAtTheEndWithoutTheKey() {
        var forger = new AuditChain(new byte[32]);
        log.add(forger.append(AuditEntry.unsealed(Instant.now(), "x", "SECRECY_OFFICER", 3L, "carrier.destroy",
                "carrier", "C-1", null, null, null), head));
        assertThat(verify()).isInstanceOfSatisfying(Verification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(11);
            assertThat(b.breach()).isEqualTo(Breach.INSERTED);
        });
    }

    @Test
    void namesAnEntryInsertedInTheMiddleWithRenumbering() {
        var forged = new AuditEntry(4, Instant.now(), "x", "SECRECY_OFFICER", 3L, "carrier.destroy", "carrier", "C-1",
                null, null, null, log.get(2).hash(), "f".repeat(64));
        List<AuditEntry> tampered = new ArrayList<>(log.subList(0, 3));
        tampered.add(forged);
        for (AuditEntry e : log.subList(3, 10)) {
            tampered.add(new AuditEntry(e.seq() + 1, e.at(), e.actor(), e.actorRole(), e.unitId(), e.action(),
                    e.objectType(), e.objectId(), e.before(), e.after(), e.clientAddress(), e.prevHash(), e.hash()));
        }
        assertThat(chain.verify(tampered.iterator(), head)).isInstanceOfSatisfying(Verification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.breach()).isEqualTo(Breach.INSERTED);
        });
    }

    @Test
    void aForgedHeadIsDetected() {
        var forgedHead = new ChainHead(head.seq(), head.hash(), "0".repeat(64));
        assertThat(chain.verify(log.iterator(), forgedHead)).isInstanceOf(Verification.Broken.class);
    }

    @Test
    void hashCoversEveryField() {
        AuditEntry e = log.get(0);
        String original = chain.hash(e.seq(), e.prevHash(), e);
        var variants = List.of(
                new AuditEntry(1, e.at().plusNanos(1000), e.actor(), e.actorRole(), e.unitId(), e.action(), e.objectType(), e.objectId(), e.before(), e.after(), e.clientAddress(), null, null),
                new AuditEntry(1, e.at(), e.actor(), "UNIT_HEAD", e.unitId(), e.action(), e.objectType(), e.objectId(), e.before(), e.after(), e.clientAddress(), null, null),
                new AuditEntry(1, e.at(), e.actor(), e.actorRole(), 4L, e.action(), e.objectType(), e.objectId(), e.before(), e.after(), e.clientAddress(), null, null),
                new AuditEntry(1, e.at(), e.actor(), e.actorRole(), e.unitId(), e.action(), e.objectType(), e.objectId(), "", e.after(), e.clientAddress(), null, null),
                new AuditEntry(1, e.at(), e.actor(), e.actorRole(), e.unitId(), e.action(), e.objectType(), e.objectId(), e.before(), e.after(), "10.0.0.9", null, null));
        for (AuditEntry v : variants) {
            assertThat(chain.hash(1, e.prevHash(), v)).isNotEqualTo(original);
        }
    }
}
