package org.baomi.server.platform;

/** The named record does not exist (or is not visible to the caller). Maps to 404. */
public class NotFoundException extends RuntimeException {
    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
