/**
 * The classified carrier (涉密载体) and its lifecycle: registration, circulation, loans, carrying
 * out, copying, archiving, clearing, destruction, loss, reclassification and declassification.
 *
 * <p>{@link org.baomi.core.carrier.Carrier} is the aggregate: every act is a method named for it,
 * guarded by the rules of SPEC section 2, and appends one {@link org.baomi.core.carrier.CarrierEvent}
 * to an append-only history. Approvals, permissions, serial allocation and persistence belong to
 * the server: acts that need approval take an {@link org.baomi.core.carrier.ApprovalRef} the server
 * has checked. See {@code docs/adr/0008-carrier-lifecycle.md}.
 */
package org.baomi.core.carrier;
