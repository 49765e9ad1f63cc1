package org.baomi.core.device.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Observations folded by a key (a device, or a device and a serial), so a drive plugged in fifty
 * times is one violation that says how often and when, not fifty.
 */
record Sightings<K, O extends Observation>(K key, List<O> observations) {

    static <K, O extends Observation> List<Sightings<K, O>> group(List<O> observations, Function<O, K> key) {
        Map<K, List<O>> groups = new LinkedHashMap<>();
        for (O o : observations) {
            groups.computeIfAbsent(key.apply(o), k -> new java.util.ArrayList<>()).add(o);
        }
        return groups.entrySet().stream().map(e -> new Sightings<>(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** A medium (by its USB serial) on a device: the key both medium rules fold sightings by. */
    record MediumOnDevice(org.baomi.core.device.DeviceId device, org.baomi.core.device.UsbSerial serial) {
    }

    /** The facts' medium sightings, one group per medium serial and device. */
    static List<Sightings<MediumOnDevice, Observation.MediumSeen>> mediaOnDevices(ComplianceFacts facts) {
        return group(facts.mediaSeen(), s -> new MediumOnDevice(s.deviceId(), s.usbSerial()));
    }

    int count() {
        return observations.size();
    }

    Instant first() {
        return observations.stream().map(Observation::at).min(Instant::compareTo).orElseThrow();
    }

    Instant last() {
        return observations.stream().map(Observation::at).max(Instant::compareTo).orElseThrow();
    }
}
