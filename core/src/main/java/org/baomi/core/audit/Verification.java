package org.baomi.core.audit;

/** The outcome of verifying the audit chain. */
public sealed interface Verification permits Verification.Whole, Verification.Broken {

    /** Every entry verifies and links to the one before; {@code entries} were checked. */
    record Whole(long entries) implements Verification {
    }

    /**
     * The chain is broken. {@code seq} names the first entry found changed, removed or inserted;
     * {@code message} says so in English.
     */
    record Broken(long seq, Breach breach, String message, long entriesBefore) implements Verification {
    }

    enum Breach {
        /** The entry's content no longer matches its hash. */
        CHANGED,
        /** One or more entries are missing at this position. */
        REMOVED,
        /** The entry was not written by Baomi: it does not verify, and the chain links around it. */
        INSERTED
    }
}
