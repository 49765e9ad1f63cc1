package org.baomi.core.approval;

import java.time.Instant;
import org.baomi.core.security.Role;

/** A recorded decision: who, in which role, on which step, with what verdict, comment and time. */
public record Decision(int step, long approverAccountId, Role role, Verdict verdict, String comment, Instant at) {
}
