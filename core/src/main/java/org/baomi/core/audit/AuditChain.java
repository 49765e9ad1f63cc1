package org.baomi.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's hash chain. Each entry's hash is an HMAC-SHA256, under a key kept outside the
 * database, over its position, its content and the previous entry's hash. Without the key,
 * nobody with only database access can rewrite, remove or add entries without
 * {@link #verify} naming the first one touched. (See docs/adr/0003-audit-hash-chain.md.)
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    public AuditChain(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit chain key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Places {@code entry} after the entry at {@code head} ({@code null} for an empty log). */
    public AuditEntry append(AuditEntry entry, ChainHead head) {
        long seq = head == null ? 1 : head.seq() + 1;
        String prev = head == null ? GENESIS : head.hash();
        return entry.placed(seq, prev, hash(seq, prev, entry));
    }

    /** The head record for the entry just appended. */
    public ChainHead headFor(AuditEntry last) {
        return new ChainHead(last.seq(), last.hash(), mac("head|" + last.seq() + "|" + last.hash()));
    }

    /** Recomputes the hash an entry at position {@code seq} after {@code prevHash} must carry. */
    public String hash(long seq, String prevHash, AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(seq));
        field(canonical, prevHash);
        field(canonical, Long.toString(e.at().getEpochSecond()) + "." + e.at().getNano());
        field(canonical, e.actor());
        field(canonical, e.actorRole());
        field(canonical, e.unitId() == null ? null : e.unitId().toString());
        field(canonical, e.action());
        field(canonical, e.objectType());
        field(canonical, e.objectId());
        field(canonical, e.before());
        field(canonical, e.after());
        field(canonical, e.clientAddress());
        return mac(canonical.toString());
    }

    /**
     * Checks entries given in chain order against each other and against the recorded head.
     * Streams: holds two entries at a time, so a log of any length verifies in constant memory.
     */
    public Verification verify(Iterator<AuditEntry> entries, ChainHead head) {
        long expectedSeq = 1;
        String prevHash = GENESIS;
        AuditEntry current = entries.hasNext() ? entries.next() : null;
        while (current != null) {
            AuditEntry next = entries.hasNext() ? entries.next() : null;
            if (current.seq() > expectedSeq) {
                return new Verification.Broken(expectedSeq, Verification.Breach.REMOVED,
                        removedMessage(expectedSeq, current.seq()), expectedSeq - 1);
            }
            if (current.seq() < expectedSeq) {
                return new Verification.Broken(current.seq(), Verification.Breach.INSERTED,
                        "Entry #" + current.seq() + " appears out of order: it was inserted.", expectedSeq - 1);
            }
            boolean selfValid = hash(current.seq(), current.prevHash(), current).equals(current.hash());
            boolean linked = prevHash.equals(current.prevHash());
            if (!selfValid) {
                boolean chainSkipsIt = next != null && prevHash.equals(next.prevHash());
                boolean pastHead = head != null && current.seq() > head.seq();
                if (chainSkipsIt || pastHead) {
                    return new Verification.Broken(current.seq(), Verification.Breach.INSERTED,
                            "Entry #" + current.seq() + " (" + current.action() + ") was inserted: it does not verify "
                                    + (pastHead ? "and the last entry written was #" + head.seq() + "."
                                            : "and the entry after it links to the entry before it."), expectedSeq - 1);
                }
                return new Verification.Broken(current.seq(), Verification.Breach.CHANGED,
                        "Entry #" + current.seq() + " (" + current.action() + " at " + current.at()
                                + ") was changed after it was written: its content no longer matches its hash.",
                        expectedSeq - 1);
            }
            if (!linked) {
                return new Verification.Broken(current.seq(), Verification.Breach.REMOVED,
                        "The entry before #" + current.seq() + " was removed or replaced: #" + current.seq()
                                + " does not link to it.", expectedSeq - 1);
            }
            prevHash = current.hash();
            expectedSeq++;
            current = next;
        }
        long count = expectedSeq - 1;
        if (head == null) {
            if (count == 0) {
                return new Verification.Whole(0);
            }
            return new Verification.Broken(count, Verification.Breach.CHANGED,
                    "The chain head record is missing: the log cannot be proved complete.", count);
        }
        if (!Objects.equals(head.mac(), mac("head|" + head.seq() + "|" + head.hash()))) {
            return new Verification.Broken(head.seq(), Verification.Breach.CHANGED,
                    "The chain head record was changed: it does not verify.", count);
        }
        if (head.seq() > count) {
            return new Verification.Broken(count + 1, Verification.Breach.REMOVED,
                    removedMessage(count + 1, head.seq() + 1) + " The log ends at #" + count + " but #" + head.seq()
                            + " was written.", count);
        }
        if (head.seq() < count || !head.hash().equals(prevHash)) {
            return new Verification.Broken(head.seq() + 1, Verification.Breach.INSERTED,
                    "Entry #" + (head.seq() + 1) + " was inserted: the last entry written was #" + head.seq() + ".",
                    head.seq());
        }
        return new Verification.Whole(count);
    }

    private static String removedMessage(long firstMissing, long present) {
        if (present - firstMissing == 1) {
            return "Entry #" + firstMissing + " was removed.";
        }
        return "Entries #" + firstMissing + " to #" + (present - 1) + " were removed.";
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
