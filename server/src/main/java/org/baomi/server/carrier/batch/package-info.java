/**
 * Destruction batches (销毁) and inventories (清查) of the carrier ledger (ADR 0015, 0016). Both
 * read the carrier tables in SQL and change carriers only through
 * {@link org.baomi.server.carrier.CarrierService}.
 */
package org.baomi.server.carrier.batch;
