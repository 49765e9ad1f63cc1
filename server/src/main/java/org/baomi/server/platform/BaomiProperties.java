package org.baomi.server.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Baomi's own settings ({@code baomi.*}).
 *
 * @param dataDir  the data directory: embedded H2 database, audit chain key, initial credentials
 * @param mode     {@code serve} for the server, {@code verify} for the command-line audit check
 * @param demo     seed the demonstration organisation on a fresh database
 * @param auditKey the audit chain key, base64 (32 bytes or more); when absent it is read from,
 *                 or created in, {@code <dataDir>/audit-chain.key}. Set it on every node of a cluster.
 */
@ConfigurationProperties("baomi")
public record BaomiProperties(Path dataDir, String mode, boolean demo, String auditKey) {

    public BaomiProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (mode == null) {
            mode = "serve";
        }
    }

    public boolean serving() {
        return "serve".equals(mode);
    }
}
