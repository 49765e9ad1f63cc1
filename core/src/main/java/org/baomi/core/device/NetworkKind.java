package org.baomi.core.device;

import org.baomi.core.classification.ClassificationLevel;

/** What a network is, which fixes whether it may carry classified information. */
public enum NetworkKind {
    /** 涉密网络: a classified information system, approved for a state-secret level. */
    CLASSIFIED,
    /** 政务内网 / 内网: the government intranet; non-classified, work secrets at most. */
    GOVERNMENT_INTRANET,
    /** 互联网 / 外网: the Internet; nothing secret. */
    INTERNET,
    /** 单机: machines connected to nothing, grouped under a level as a ledger entry. */
    STANDALONE;

    /** The level a network of this kind has when none is given, or {@code null} when one must be. */
    ClassificationLevel impliedLevel() {
        return switch (this) {
            case GOVERNMENT_INTRANET -> ClassificationLevel.INTERNAL;
            case INTERNET -> ClassificationLevel.PUBLIC;
            case CLASSIFIED, STANDALONE -> null;
        };
    }

    /** Whether a classified device may be attached to a network of this kind at all. */
    public boolean admitsClassifiedDevices() {
        return this == CLASSIFIED || this == STANDALONE;
    }
}
