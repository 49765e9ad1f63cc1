package org.baomi.server.security;

/** Session attribute names shared by login and the locale resolver. */
public final class SessionLocaleKeys {
    public static final String LOCALE = "baomi.locale";

    private SessionLocaleKeys() {
    }
}
