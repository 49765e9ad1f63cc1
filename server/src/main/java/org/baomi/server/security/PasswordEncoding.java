package org.baomi.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing, needed with or without the web layer (the CLI's non-web contexts too).
 * The delegating encoder stores the algorithm with each hash (bcrypt today), so a future
 * algorithm can be introduced without invalidating stored passwords.
 */
@Configuration(proxyBeanMethods = false)
class PasswordEncoding {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
