package org.baomi.core.device.compliance;

/**
 * How grave a violation is, gravest first. {@link #CRITICAL} marks what self-inspection standards
 * treat as veto items (a classified computer on the Internet, media crossing between classified
 * and non-classified machines); the self-assessment feature decides what to do with it.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
