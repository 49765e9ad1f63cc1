package org.baomi.core.device;

import java.util.Objects;
import org.baomi.core.classification.ClassificationLevel;

/**
 * How a device is designated: a classified device (涉密) of a state-secret level, a
 * non-classified device (非涉密, for work up to {@link ClassificationLevel#INTERNAL}), or an
 * Internet device (互联网计算机, nothing secret). The three are kept apart rather than folded
 * into one level because the rules treat the designation, not only the level: an Internet
 * computer must have its IP, MAC and responsible person registered; a classified device never
 * touches a non-classified network.
 */
public sealed interface DeviceClass permits DeviceClass.Classified, DeviceClass.NonClassified, DeviceClass.Internet {

    /** The highest classification the device may hold, used against networks, media and people. */
    ClassificationLevel level();

    default boolean isClassified() {
        return this instanceof Classified;
    }

    static DeviceClass classified(ClassificationLevel level) {
        return new Classified(level);
    }

    static DeviceClass nonClassified() {
        return new NonClassified();
    }

    static DeviceClass internet() {
        return new Internet();
    }

    /** A classified device of a state-secret level. */
    record Classified(ClassificationLevel level) implements DeviceClass {
        public Classified {
            Objects.requireNonNull(level, "level");
            if (!level.isStateSecret()) {
                throw new IllegalArgumentException("a classified device has a state-secret level, not " + level);
            }
        }

        @Override
        public String toString() {
            return level.name();
        }
    }

    /** A non-classified office device. */
    record NonClassified() implements DeviceClass {
        @Override
        public ClassificationLevel level() {
            return ClassificationLevel.INTERNAL;
        }

        @Override
        public String toString() {
            return "NON_CLASSIFIED";
        }
    }

    /** A device designated for the Internet. */
    record Internet() implements DeviceClass {
        @Override
        public ClassificationLevel level() {
            return ClassificationLevel.PUBLIC;
        }

        @Override
        public String toString() {
            return "INTERNET";
        }
    }
}
