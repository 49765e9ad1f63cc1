package org.baomi.scan.rules;

/** A keyword list or rule pack that cannot be used; the message names the file and where. */
public class RuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleException(String message) {
        super(message);
    }
}
