/**
 * The approval framework every feature that needs a leader's consent builds on.
 *
 * <p>How a feature uses it (for example copying a carrier, type {@code carrier.copy}):
 * <ol>
 *   <li>In its own {@code @Transactional} service method, call
 *       {@link org.baomi.server.approval.ApprovalService#open} with its type, the subject
 *       ({@code "carrier"}, the carrier's id), a one-line summary, the unit and the chain of
 *       {@link org.baomi.core.approval.ApprovalStep}s the rules require (e.g. the unit head for
 *       SECRET). The request is audited as {@code approval.open} in the caller's transaction.</li>
 *   <li>Add {@code approval.type.carrier.copy} to the feature's own message bundles so the inbox
 *       names the request in both languages.</li>
 *   <li>Listen for {@link org.baomi.server.approval.ApprovalDecided} with its type; act on
 *       {@code APPROVED}, and release whatever was reserved on {@code REJECTED} or
 *       {@code WITHDRAWN}.</li>
 * </ol>
 * Approvers decide on {@code /approvals} (phone-friendly) or through {@code /api/v1/approvals};
 * the rules (never one's own request, the step's role in the step's unit, a reason for every
 * rejection, one winner when two decide at once) are enforced for every caller.
 */
package org.baomi.server.approval;
