package org.baomi.core.device;

import java.util.Objects;
import org.baomi.core.classification.ClassificationLevel;

/**
 * A network of the ledger. Every network has a level, the highest classification a device on
 * it may have: a classified network's approved state-secret level (and the reference of that
 * approval); {@link ClassificationLevel#INTERNAL} for the government intranet and
 * {@link ClassificationLevel#PUBLIC} for the Internet, which are non-classified; and for a
 * standalone group whatever level the unit registered it for.
 *
 * @param approvalReference the document approving a classified network; empty for the others
 */
public record Network(NetworkId id, String name, NetworkKind kind, ClassificationLevel level, String approvalReference) {

    public Network {
        Objects.requireNonNull(id, "id");
        name = Ids.require(name, "network name");
        Objects.requireNonNull(kind, "kind");
        approvalReference = approvalReference == null ? "" : approvalReference.strip();
        ClassificationLevel implied = kind.impliedLevel();
        if (implied != null) {
            if (level != null && level != implied) {
                throw new IllegalArgumentException(kind + " is non-classified and has level " + implied + ", not " + level);
            }
            level = implied;
        }
        Objects.requireNonNull(level, "a " + kind + " network needs a level");
        if (kind == NetworkKind.CLASSIFIED) {
            if (!level.isStateSecret()) {
                throw new IllegalArgumentException("a classified network has a state-secret level, not " + level);
            }
            if (approvalReference.isEmpty()) {
                throw new IllegalArgumentException("a classified network needs the reference of its approval");
            }
        }
    }

    public static Network classified(NetworkId id, String name, ClassificationLevel level, String approvalReference) {
        return new Network(id, name, NetworkKind.CLASSIFIED, level, approvalReference);
    }

    public static Network intranet(NetworkId id, String name) {
        return new Network(id, name, NetworkKind.GOVERNMENT_INTRANET, null, "");
    }

    public static Network internet(NetworkId id, String name) {
        return new Network(id, name, NetworkKind.INTERNET, null, "");
    }

    public static Network standalone(NetworkId id, String name, ClassificationLevel level) {
        return new Network(id, name, NetworkKind.STANDALONE, level, "");
    }

    public boolean isClassified() {
        return kind == NetworkKind.CLASSIFIED;
    }
}
