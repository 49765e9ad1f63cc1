package org.baomi.core.device;

/** Hardware that could connect a device to the outside: what is present, not what is switched off. */
public record HardwareFacts(boolean wirelessCard, boolean bluetooth, boolean modem) {

    /** None of the three present. */
    public static HardwareFacts none() {
        return new HardwareFacts(false, false, false);
    }
}
