package org.baomi.core.assessment;

import java.util.regex.Pattern;
import org.baomi.core.DomainException;

/**
 * Which standard, in which version. A standard is never changed in place once used: a changed
 * checklist is a new version, so an assessment always scores against the text it was made with.
 */
public record StandardRef(String id, int version) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public StandardRef {
        if (id == null || !ID.matcher(id.strip()).matches()) {
            throw new DomainException("assessment.standardIdInvalid",
                    "A standard id is 1 to 64 letters, digits, '.', '_' or '-', was '" + id + "'.", String.valueOf(id));
        }
        id = id.strip();
        if (version < 1) {
            throw new DomainException("assessment.versionInvalid",
                    "A standard version is a whole number from 1, was " + version + ".", version);
        }
    }

    @Override
    public String toString() {
        return id + " v" + version;
    }
}
