package org.baomi.server.evidence;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A named query over the ledgers that yields the {@link Evidence} for a self-inspection item.
 * The id is stable — dotted, lower case, never renamed — because standards name it: an item of a
 * standard carries the id of the query whose result it suggests (see docs/adr/0048).
 * The description is the message {@code evidence.query.<id>}; {@link #english} is for logs and the API.
 */
public interface EvidenceQuery {

    /** Dotted segments of lower-case letters, digits and hyphens; camel case inside a segment is allowed. */
    Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9-]*(\\.[a-z][a-zA-Z0-9-]*)+");

    String id();

    /** What the query finds, in English. */
    String english();

    /** Runs the query over units the caller may read. */
    Evidence run(EvidenceContext context);

    /** The message key of the description. */
    default String descriptionKey() {
        return "evidence.query." + id();
    }

    static EvidenceQuery of(String id, String english, Function<EvidenceContext, Evidence> run) {
        Objects.requireNonNull(run, "run");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a query id: " + id);
        }
        return new EvidenceQuery() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String english() {
                return english;
            }

            @Override
            public Evidence run(EvidenceContext context) {
                return run.apply(context);
            }
        };
    }
}
