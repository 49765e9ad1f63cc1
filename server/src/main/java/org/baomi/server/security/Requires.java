package org.baomi.server.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.baomi.core.security.Permission;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The permission a web or API handler requires. Every handler carries this or {@link Public};
 * an architecture test fails on one that carries neither.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('{value}')")
public @interface Requires {
    Permission value();
}
