package org.baomi.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.baomi.core.audit.AuditChain;
import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.platform.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supplies the audit chain key: {@code baomi.audit-key} when set (every node of a cluster must
 * share it), otherwise {@code <data>/audit-chain.key}, created on first start. A key is never
 * created for a database that already holds audit entries: that would make the whole log fail
 * verification, so the server refuses to start and says why.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyring {

    static final String KEY_FILE = "audit-chain.key";

    @Bean
    AuditChain auditChain(BaomiProperties properties, DataDirectory data, JdbcClient jdbc) {
        return new AuditChain(loadKey(properties, data, jdbc));
    }

    static byte[] loadKey(BaomiProperties properties, DataDirectory data, JdbcClient jdbc) {
        if (properties.auditKey() != null && !properties.auditKey().isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(properties.auditKey().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("baomi.audit-key is not valid base64: " + e.getMessage());
            }
            if (key.length < 32) {
                throw new IllegalStateException("baomi.audit-key must decode to at least 32 bytes, has " + key.length);
            }
            return key;
        }
        Path file = data.root().resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
                if (key.length < 32) {
                    throw new IllegalStateException(file + " must hold at least 32 bytes of base64, has " + key.length);
                }
                return key;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit chain key " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not valid base64: " + e.getMessage());
        }
        if (hasEntries(jdbc)) {
            throw new IllegalStateException("the audit log holds entries but the audit chain key " + file
                    + " is missing; restore it (or set baomi.audit-key) — a new key would make every entry fail verification");
        }
        if (!properties.serving()) {
            throw new IllegalStateException("no audit chain key at " + file + "; start the server once to create it");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        data.writeSecret(KEY_FILE, Base64.getEncoder().encode(key));
        return key;
    }

    private static boolean hasEntries(JdbcClient jdbc) {
        try {
            return jdbc.sql("select count(*) from audit_entry").query(Long.class).single() > 0;
        } catch (RuntimeException noTableYet) {
            return false;
        }
    }
}
