/**
 * The tamper-evident audit log: every state change, every approval decision and every view of a
 * classified record writes an entry in the same transaction.
 *
 * <p>For features: call {@link org.baomi.server.audit.AuditLog#record} from each
 * {@code @Transactional} service method that changes something (before and after as records or
 * maps), and {@link org.baomi.server.audit.AuditLog#recordView} from each service method that
 * shows or exports a classified record (action {@code <type>.view}). Give your actions a label
 * with {@code audit.action.<action>} in your bundle if the auditor should read them in words;
 * otherwise the page shows the code.
 *
 * <p>The security auditor searches, exports and verifies the log on {@code /audit} and through
 * {@code /api/v1/audit}; {@code baomi audit verify} checks it from the command line.
 */
package org.baomi.server.audit;
