package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.baomi.core.device.Device;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.Medium;
import org.baomi.core.device.MediumId;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.PersonClearance;
import org.baomi.core.device.PersonId;
import org.baomi.core.device.UsbSerial;
import org.baomi.core.device.compliance.Observation.InternetReachable;
import org.baomi.core.device.compliance.Observation.MediumSeen;

/**
 * Everything the rules judge, for one unit at one moment: the ledger's networks, devices, media
 * and the people they name (supplied by the server), and what terminals observed (supplied by
 * the agent or imported inspection reports; empty until then).
 *
 * <p>A snapshot is closed under its references: every network, person, medium and device that a
 * device, medium or observation names must be in it, or construction fails. Rules can then look
 * things up without guessing what a missing entry means; a dangling reference is a fault in
 * whoever built the snapshot, not a compliance finding.
 *
 * <p>Whether a medium may be used on a device is registered on either side (a device's
 * {@link Device#allowedMedia()} or a medium's {@link Medium#allowedDevices()}); either counts,
 * so the server may keep the pairing in one table and fill one side.
 */
public final class ComplianceFacts {

    private final Map<NetworkId, Network> networks;
    private final Map<DeviceId, Device> devices;
    private final Map<MediumId, Medium> media;
    private final Map<PersonId, PersonClearance> persons;
    private final List<Observation> observations;
    private final Map<UsbSerial, List<Medium>> mediaBySerial = new LinkedHashMap<>();
    private final Map<DeviceId, List<Medium>> mediaByDevice = new HashMap<>();
    private final Map<MediumId, List<Device>> devicesByMedium = new HashMap<>();

    private ComplianceFacts(Collection<Network> networks, Collection<Device> devices, Collection<Medium> media,
            Collection<PersonClearance> persons, Collection<? extends Observation> observations) {
        this.networks = index(networks, Network::id, "network");
        this.devices = index(devices, Device::id, "device");
        this.media = index(media, Medium::id, "medium");
        this.persons = index(persons, PersonClearance::id, "person");
        this.observations = List.copyOf(observations);
        for (Device d : this.devices.values()) {
            d.network().ifPresent(n -> require(this.networks, n, "device " + d.id() + " is on network"));
            d.responsiblePersons().forEach(p -> require(this.persons, p, "device " + d.id() + " names person"));
            d.allowedMedia().forEach(m -> require(this.media, m, "device " + d.id() + " allows medium"));
        }
        for (Medium m : this.media.values()) {
            m.holder().ifPresent(p -> require(this.persons, p, "medium " + m.id() + " is held by person"));
            m.allowedDevices().forEach(d -> require(this.devices, d, "medium " + m.id() + " allows device"));
            m.usbSerial().ifPresent(s -> mediaBySerial.computeIfAbsent(s, k -> new ArrayList<>()).add(m));
        }
        for (Observation o : this.observations) {
            require(this.devices, o.deviceId(), "an observation names device");
        }
        // pairings indexed both ways, in ledger order, so rules need not scan the whole ledger per device
        Map<DeviceId, Set<MediumId>> byDevice = new HashMap<>();
        Map<MediumId, Set<DeviceId>> byMedium = new HashMap<>();
        for (Device d : this.devices.values()) {
            for (MediumId m : d.allowedMedia()) {
                byDevice.computeIfAbsent(d.id(), k -> new HashSet<>()).add(m);
                byMedium.computeIfAbsent(m, k -> new HashSet<>()).add(d.id());
            }
        }
        for (Medium m : this.media.values()) {
            for (DeviceId d : m.allowedDevices()) {
                byDevice.computeIfAbsent(d, k -> new HashSet<>()).add(m.id());
                byMedium.computeIfAbsent(m.id(), k -> new HashSet<>()).add(d);
            }
        }
        Map<MediumId, Integer> mediumOrder = positions(this.media);
        Map<DeviceId, Integer> deviceOrder = positions(this.devices);
        byDevice.forEach((d, ms) -> mediaByDevice.put(d, ms.stream()
                .sorted(Comparator.comparing(mediumOrder::get)).map(this.media::get).toList()));
        byMedium.forEach((m, ds) -> devicesByMedium.put(m, ds.stream()
                .sorted(Comparator.comparing(deviceOrder::get)).map(this.devices::get).toList()));
    }

    public static ComplianceFacts of(Collection<Network> networks, Collection<Device> devices,
            Collection<Medium> media, Collection<PersonClearance> persons, Collection<? extends Observation> observations) {
        return new ComplianceFacts(networks, devices, media, persons, observations);
    }

    /** The ledger alone, before any terminal has reported. */
    public static ComplianceFacts ofLedger(Collection<Network> networks, Collection<Device> devices,
            Collection<Medium> media, Collection<PersonClearance> persons) {
        return of(networks, devices, media, persons, List.of());
    }

    /** The same ledger with {@code more} observations added, e.g. a terminal's latest report. */
    public ComplianceFacts withObservations(Collection<? extends Observation> more) {
        List<Observation> all = new ArrayList<>(observations);
        all.addAll(more);
        return of(networks.values(), devices.values(), media.values(), persons.values(), all);
    }

    public List<Network> networks() {
        return List.copyOf(networks.values());
    }

    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** The devices the ledger rules judge: all but scrapped and destroyed ones. */
    public List<Device> devicesInService() {
        return devices.values().stream().filter(d -> d.status().inService()).toList();
    }

    public List<Medium> media() {
        return List.copyOf(media.values());
    }

    /** The media the ledger rules judge: all but lost and destroyed ones. */
    public List<Medium> mediaInService() {
        return media.values().stream().filter(m -> m.status().inService()).toList();
    }

    public List<PersonClearance> persons() {
        return List.copyOf(persons.values());
    }

    public List<Observation> observations() {
        return observations;
    }

    public List<MediumSeen> mediaSeen() {
        return observations.stream().filter(MediumSeen.class::isInstance).map(MediumSeen.class::cast).toList();
    }

    public List<InternetReachable> internetReached() {
        return observations.stream().filter(InternetReachable.class::isInstance).map(InternetReachable.class::cast)
                .toList();
    }

    public Device device(DeviceId id) {
        return require(devices, id, "asked for");
    }

    public Medium medium(MediumId id) {
        return require(media, id, "asked for");
    }

    public PersonClearance person(PersonId id) {
        return require(persons, id, "asked for");
    }

    /** The network {@code device} is on; empty when it is standalone outside any registered group. */
    public Optional<Network> networkOf(Device device) {
        return device.network().map(networks::get);
    }

    /** The registered media carrying {@code serial}; more than one is itself a finding. */
    public List<Medium> mediaWithSerial(UsbSerial serial) {
        return List.copyOf(mediaBySerial.getOrDefault(serial, List.of()));
    }

    /** Every serial shared by more than one registered medium, with those media. */
    Map<UsbSerial, List<Medium>> sharedSerials() {
        Map<UsbSerial, List<Medium>> shared = new LinkedHashMap<>();
        mediaBySerial.forEach((serial, list) -> {
            if (list.size() > 1) {
                shared.put(serial, List.copyOf(list));
            }
        });
        return shared;
    }

    /** Whether {@code medium} is registered for use on {@code device}, on either side. */
    public boolean allowed(Device device, Medium medium) {
        return device.allowedMedia().contains(medium.id()) || medium.allowedDevices().contains(device.id());
    }

    /** The media registered for use on {@code device}, on either side, in ledger order. */
    public List<Medium> mediaAllowedOn(Device device) {
        return mediaByDevice.getOrDefault(device.id(), List.of());
    }

    /** The devices {@code medium} is registered for, on either side, in ledger order. */
    public List<Device> devicesAllowedFor(Medium medium) {
        return devicesByMedium.getOrDefault(medium.id(), List.of());
    }

    private static <K> Map<K, Integer> positions(Map<K, ?> map) {
        Map<K, Integer> positions = new HashMap<>();
        for (K key : map.keySet()) {
            positions.put(key, positions.size());
        }
        return positions;
    }

    private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key, String what) {
        Map<K, V> map = new LinkedHashMap<>();
        for (V value : values) {
            if (map.putIfAbsent(key.apply(value), value) != null) {
                throw new IllegalArgumentException("the facts hold " + what + " " + key.apply(value) + " twice");
            }
        }
        return map;
    }

    private static <K, V> V require(Map<K, V> map, K key, String context) {
        V value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(context + " " + key + ", which the facts do not hold");
        }
        return value;
    }
}
