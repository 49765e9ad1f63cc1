package org.baomi.core.device;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.baomi.core.classification.ClassificationLevel;

/**
 * A removable storage medium as the compliance rules see it. A medium is classified when its
 * level is a state-secret level (a "red disk", 红盘, numbered by the unit); a non-classified
 * medium is registered as {@link ClassificationLevel#INTERNAL} or {@link ClassificationLevel#PUBLIC}.
 *
 * @param number         the unit's registration number (红盘编号 for a classified medium)
 * @param usbSerial      the serial the operating system reports, for matching terminal reports;
 *                       empty for media without one (optical discs, memory cards)
 * @param holder         the person it is issued to, if issued
 * @param allowedDevices the devices it is registered for use on
 */
public record Medium(MediumId id, String number, MediumType type, ClassificationLevel level,
        Optional<UsbSerial> usbSerial, Optional<PersonId> holder, Set<DeviceId> allowedDevices, MediumStatus status) {

    public Medium {
        Objects.requireNonNull(id, "id");
        number = Ids.require(number, "medium number");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(usbSerial, "usbSerial");
        Objects.requireNonNull(holder, "holder");
        allowedDevices = Ids.orderedSet(allowedDevices, "allowed devices");
        Objects.requireNonNull(status, "status");
    }

    /** A medium with the common case filled in; {@code usbSerial} and {@code holder} may be null. */
    public static Medium of(MediumId id, String number, MediumType type, ClassificationLevel level, String usbSerial,
            PersonId holder, Collection<DeviceId> allowedDevices, MediumStatus status) {
        return new Medium(id, number, type, level,
                usbSerial == null || UsbSerial.normalise(usbSerial).isEmpty() ? Optional.empty()
                        : Optional.of(new UsbSerial(usbSerial)),
                Optional.ofNullable(holder), Ids.orderedSet(allowedDevices, "allowed devices"), status);
    }

    public boolean isClassified() {
        return level.isStateSecret();
    }

    public Medium withAllowedDevices(Collection<DeviceId> devices) {
        return new Medium(id, number, type, level, usbSerial, holder, Ids.orderedSet(devices, "allowed devices"), status);
    }

    public Medium withLevel(ClassificationLevel newLevel) {
        return new Medium(id, number, type, newLevel, usbSerial, holder, allowedDevices, status);
    }

    public Medium withHolder(PersonId newHolder) {
        return new Medium(id, number, type, level, usbSerial, Optional.ofNullable(newHolder), allowedDevices, status);
    }

    public Medium withUsbSerial(UsbSerial serial) {
        return new Medium(id, number, type, level, Optional.ofNullable(serial), holder, allowedDevices, status);
    }
}
