package org.baomi.core;

import java.util.List;

/**
 * A rule of confidentiality work was about to be broken. The {@link #code()} is a message key
 * (looked up in the UI's message bundles with {@link #args()}); {@link #getMessage()} is an
 * English sentence a person can act on, used where no bundle is at hand (CLI, logs).
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final List<Object> args;

    public DomainException(String code, String englishMessage, Object... args) {
        super(englishMessage);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.toArray();
    }
}
