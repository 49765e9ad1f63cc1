package org.baomi.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Baomi server. Started through {@link BaomiCli}, which turns command-line options into properties. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BaomiApplication {
}
