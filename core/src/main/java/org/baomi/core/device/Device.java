package org.baomi.core.device;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.baomi.core.classification.ClassificationLevel;

/**
 * A device as the compliance rules see it: the ledger's registration, or what a terminal reports
 * about itself, mapped onto the same fields. Not the lifecycle aggregate (that lives in the
 * server); this view only has to be complete enough to judge.
 *
 * @param network            the network the device is on; empty for a standalone device that
 *                           belongs to no registered standalone group
 * @param responsiblePersons in the ledger's order; a classified device must have exactly one
 * @param allowedMedia       the media registered for use on this device (the medium's own
 *                           {@link Medium#allowedDevices()} counts too; see the compliance facts)
 * @param maintenance        the maintenance not yet closed, if any
 */
public record Device(DeviceId id, String assetNumber, DeviceType type, DeviceClass deviceClass,
        Optional<NetworkId> network, List<PersonId> responsiblePersons, List<IpAddress> ipAddresses,
        List<MacAddress> macAddresses, HardwareFacts hardware, SecuritySettings security, Set<MediumId> allowedMedia,
        DeviceStatus status, Optional<OpenMaintenance> maintenance) {

    public Device {
        Objects.requireNonNull(id, "id");
        assetNumber = Ids.require(assetNumber, "asset number");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deviceClass, "deviceClass");
        Objects.requireNonNull(network, "network (Optional.empty() for standalone)");
        responsiblePersons = Ids.distinctList(responsiblePersons, "responsible persons");
        ipAddresses = Ids.distinctList(ipAddresses, "IP addresses");
        macAddresses = Ids.distinctList(macAddresses, "MAC addresses");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(security, "security");
        allowedMedia = Ids.orderedSet(allowedMedia, "allowed media");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    public static Builder builder(DeviceId id, String assetNumber, DeviceType type, DeviceClass deviceClass) {
        return new Builder(id, assetNumber, type, deviceClass);
    }

    /** A builder starting from this device, for a changed copy. */
    public Builder toBuilder() {
        return new Builder(id, assetNumber, type, deviceClass).network(network.orElse(null))
                .responsiblePersons(responsiblePersons).ipAddresses(ipAddresses).macAddresses(macAddresses)
                .hardware(hardware).security(security).allowedMedia(allowedMedia).status(status)
                .maintenance(maintenance.orElse(null));
    }

    public boolean isClassified() {
        return deviceClass.isClassified();
    }

    /** The highest classification this device may hold; see {@link DeviceClass#level()}. */
    public ClassificationLevel level() {
        return deviceClass.level();
    }

    /**
     * Builds a device; the defaults are those of a freshly registered device with nothing filled
     * in: standalone, no responsible person, no addresses, no radio hardware, no security
     * settings, no media, {@link DeviceStatus#IN_USE}, no open maintenance.
     */
    public static final class Builder {
        private final DeviceId id;
        private final String assetNumber;
        private final DeviceType type;
        private final DeviceClass deviceClass;
        private NetworkId network;
        private List<PersonId> responsiblePersons = List.of();
        private List<IpAddress> ipAddresses = List.of();
        private List<MacAddress> macAddresses = List.of();
        private HardwareFacts hardware = HardwareFacts.none();
        private SecuritySettings security = SecuritySettings.none();
        private Collection<MediumId> allowedMedia = List.of();
        private DeviceStatus status = DeviceStatus.IN_USE;
        private OpenMaintenance maintenance;

        private Builder(DeviceId id, String assetNumber, DeviceType type, DeviceClass deviceClass) {
            this.id = id;
            this.assetNumber = assetNumber;
            this.type = type;
            this.deviceClass = deviceClass;
        }

        /** The network, or {@code null} for a standalone device outside any registered group. */
        public Builder network(NetworkId network) {
            this.network = network;
            return this;
        }

        public Builder responsiblePersons(List<PersonId> persons) {
            this.responsiblePersons = new ArrayList<>(persons);
            return this;
        }

        public Builder responsiblePerson(PersonId person) {
            return responsiblePersons(List.of(person));
        }

        public Builder ipAddresses(List<IpAddress> addresses) {
            this.ipAddresses = new ArrayList<>(addresses);
            return this;
        }

        public Builder macAddresses(List<MacAddress> addresses) {
            this.macAddresses = new ArrayList<>(addresses);
            return this;
        }

        public Builder hardware(HardwareFacts hardware) {
            this.hardware = hardware;
            return this;
        }

        public Builder security(SecuritySettings security) {
            this.security = security;
            return this;
        }

        public Builder allowedMedia(Collection<MediumId> media) {
            this.allowedMedia = new ArrayList<>(media);
            return this;
        }

        public Builder status(DeviceStatus status) {
            this.status = status;
            return this;
        }

        /** The open maintenance, or {@code null} for none. */
        public Builder maintenance(OpenMaintenance maintenance) {
            this.maintenance = maintenance;
            return this;
        }

        public Device build() {
            return new Device(id, assetNumber, type, deviceClass, Optional.ofNullable(network), responsiblePersons,
                    ipAddresses, macAddresses, hardware, security, Ids.orderedSet(allowedMedia, "allowed media"), status,
                    Optional.ofNullable(maintenance));
        }
    }
}
