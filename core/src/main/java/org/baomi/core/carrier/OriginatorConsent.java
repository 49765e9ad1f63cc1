package org.baomi.core.carrier;

import org.baomi.core.DomainException;

/**
 * The originating authority's (or its superior's) consent to copy a TOP SECRET carrier, as the
 * unit head records it: who consented and the reference of the consent (letter, telegram number).
 */
public record OriginatorConsent(String authority, String reference) {
    public OriginatorConsent {
        if (authority == null || authority.isBlank() || reference == null || reference.isBlank()) {
            throw new DomainException("carrier.consentIncomplete",
                    "Record which authority consented to the copy and the reference of its consent.");
        }
        authority = authority.strip();
        reference = reference.strip();
    }
}
