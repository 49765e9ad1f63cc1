package org.baomi.core.device.compliance;

import static org.baomi.core.classification.ClassificationLevel.CONFIDENTIAL;
import static org.baomi.core.classification.ClassificationLevel.INTERNAL;
import static org.baomi.core.classification.ClassificationLevel.SECRET;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.baomi.core.device.Device;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.IpAddress;
import org.baomi.core.device.MacAddress;
import org.baomi.core.device.Medium;
import org.baomi.core.device.MediumId;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.PersonClearance;
import org.baomi.core.device.PersonId;
import org.baomi.core.device.SecuritySettings;
import org.baomi.core.device.UsbSerial;
import org.baomi.core.org.SecretRelatedLevel;

/**
 * A small, realistic unit that complies with every rule: three classified desktops and a
 * classified printer on the SECRET network, a CONFIDENTIAL desktop on the CONFIDENTIAL network, a
 * standalone classified laptop, two Internet computers, an intranet desktop, a scrapped computer
 * nobody cleaned up in the ledger, red disks, an optical disc and a non-classified drive, and
 * terminal reports that break nothing. Each test changes one thing and looks at the result.
 */
final class TestUnit {

    static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final NetworkId SECRET_NET = NetworkId.of("N1");
    static final NetworkId INTRANET = NetworkId.of("N2");
    static final NetworkId INTERNET = NetworkId.of("N3");
    static final NetworkId CONFIDENTIAL_NET = NetworkId.of("N4");

    static final PersonId ZHANG = PersonId.of(1); // core
    static final PersonId LI = PersonId.of(2); // important
    static final PersonId WANG = PersonId.of(3); // general
    static final PersonId ZHAO = PersonId.of(4); // not secret-related
    static final PersonId CHEN = PersonId.of(5); // important

    static final DeviceId DESKTOP_1 = DeviceId.of(1);
    static final DeviceId DESKTOP_2 = DeviceId.of(2);
    static final DeviceId DESKTOP_3 = DeviceId.of(3);
    static final DeviceId PRINTER = DeviceId.of(4);
    static final DeviceId LAPTOP = DeviceId.of(5);
    static final DeviceId INTERNET_PC = DeviceId.of(6);
    static final DeviceId INTERNET_LAPTOP = DeviceId.of(7);
    static final DeviceId OFFICE_PC = DeviceId.of(8);
    static final DeviceId SCRAPPED = DeviceId.of(9);
    static final DeviceId CONFIDENTIAL_PC = DeviceId.of(10);

    static final MediumId RED_1 = MediumId.of(1);
    static final MediumId RED_2 = MediumId.of(2);
    static final MediumId RED_3 = MediumId.of(3);
    static final MediumId LAPTOP_DISK = MediumId.of(4);
    static final MediumId DISC = MediumId.of(5);
    static final MediumId PLAIN_DRIVE = MediumId.of(6);
    static final MediumId CONFIDENTIAL_RED = MediumId.of(7);

    final Map<NetworkId, Network> networks = new LinkedHashMap<>();
    final Map<PersonId, PersonClearance> persons = new LinkedHashMap<>();
    final Map<DeviceId, Device> devices = new LinkedHashMap<>();
    final Map<MediumId, Medium> media = new LinkedHashMap<>();
    final List<Observation> observations = new ArrayList<>();

    TestUnit() {
        add(Network.classified(SECRET_NET, "涉密内网", SECRET, "保密局批复〔2025〕12号"));
        add(Network.intranet(INTRANET, "政务内网"));
        add(Network.internet(INTERNET, "互联网"));
        add(Network.classified(CONFIDENTIAL_NET, "秘密级业务网", CONFIDENTIAL, "保密局批复〔2024〕3号"));

        add(new PersonClearance(ZHANG, "张伟", SecretRelatedLevel.CORE));
        add(new PersonClearance(LI, "李娜", SecretRelatedLevel.IMPORTANT));
        add(new PersonClearance(WANG, "王芳", SecretRelatedLevel.GENERAL));
        add(new PersonClearance(ZHAO, "赵磊", SecretRelatedLevel.NONE));
        add(new PersonClearance(CHEN, "陈静", SecretRelatedLevel.IMPORTANT));

        add(classifiedPc(DESKTOP_1, "SM-PC-001", SECRET, SECRET_NET, ZHANG, "10.1.0.11", "00:1a:2b:3c:4d:01")
                .allowedMedia(List.of(RED_1)).build());
        // the pairing of DESKTOP_2 and RED_2 is registered on the device side only
        add(classifiedPc(DESKTOP_2, "SM-PC-002", SECRET, SECRET_NET, LI, "10.1.0.12", "00-1A-2B-3C-4D-02")
                .allowedMedia(List.of(RED_2, DISC))
                .maintenance(new OpenMaintenance(NOW.minus(Duration.ofDays(10)), OpenMaintenance.Site.ON_SITE, false))
                .build());
        add(classifiedPc(DESKTOP_3, "SM-PC-003", SECRET, SECRET_NET, CHEN, "10.1.0.13", "001a.2b3c.4d03").build());
        add(Device.builder(PRINTER, "SM-PR-001", DeviceType.PRINTER, DeviceClass.classified(SECRET))
                .network(SECRET_NET).responsiblePerson(LI).ipAddresses(List.of(new IpAddress("10.1.0.50")))
                .build());
        add(Device.builder(LAPTOP, "SM-NB-001", DeviceType.LAPTOP, DeviceClass.classified(SECRET)).responsiblePerson(CHEN)
                .security(SecuritySettings.complete()).build());
        add(Device.builder(INTERNET_PC, "HW-PC-001", DeviceType.DESKTOP, DeviceClass.internet()).network(INTERNET)
                .responsiblePerson(ZHAO).ipAddresses(List.of(new IpAddress("192.168.1.21")))
                .macAddresses(List.of(new MacAddress("3c:52:82:aa:bb:01")))
                .hardware(new HardwareFacts(true, true, false)).build());
        add(Device.builder(INTERNET_LAPTOP, "HW-NB-001", DeviceType.LAPTOP, DeviceClass.internet())
                .network(INTERNET).responsiblePerson(WANG).ipAddresses(List.of(new IpAddress("192.168.1.22")))
                .macAddresses(List.of(new MacAddress("3c:52:82:aa:bb:02"))).build());
        add(Device.builder(OFFICE_PC, "FS-PC-001", DeviceType.DESKTOP, DeviceClass.nonClassified()).network(INTRANET)
                .responsiblePerson(ZHAO).allowedMedia(List.of(PLAIN_DRIVE)).build());
        add(Device.builder(SCRAPPED, "SM-PC-000", DeviceType.DESKTOP, DeviceClass.classified(SECRET)).network(INTRANET)
                .hardware(new HardwareFacts(true, true, true)).status(DeviceStatus.SCRAPPED).build());
        add(classifiedPc(CONFIDENTIAL_PC, "SM-PC-010", CONFIDENTIAL, CONFIDENTIAL_NET, WANG, "10.4.0.10",
                "00:1a:2b:3c:4d:10").allowedMedia(List.of(CONFIDENTIAL_RED)).build());

        add(Medium.of(RED_1, "红-001", MediumType.USB_FLASH_DRIVE, SECRET, "AA0401270001", ZHANG, List.of(DESKTOP_1),
                MediumStatus.ISSUED));
        add(Medium.of(RED_2, "红-002", MediumType.USB_FLASH_DRIVE, SECRET, "AA0401270002", LI, List.of(),
                MediumStatus.ISSUED));
        add(Medium.of(RED_3, "红-003", MediumType.USB_FLASH_DRIVE, SECRET, "AA0401270003", null, List.of(),
                MediumStatus.IN_STOCK));
        add(Medium.of(LAPTOP_DISK, "红-004", MediumType.REMOVABLE_DISK, SECRET, "WD-WX41A0123456", CHEN, List.of(LAPTOP),
                MediumStatus.ISSUED));
        add(Medium.of(DISC, "光-001", MediumType.OPTICAL_DISC, SECRET, null, LI, List.of(DESKTOP_2),
                MediumStatus.ISSUED));
        add(Medium.of(PLAIN_DRIVE, "普-001", MediumType.USB_FLASH_DRIVE, INTERNAL, "0701234ABC", ZHAO, List.of(),
                MediumStatus.ISSUED));
        add(Medium.of(CONFIDENTIAL_RED, "红-007", MediumType.MEMORY_CARD, CONFIDENTIAL, null, WANG,
                List.of(CONFIDENTIAL_PC), MediumStatus.ISSUED));

        seen(DESKTOP_1, " aa04 0127 0001 ", 1);
        seen(DESKTOP_2, "AA0401270002", 2);
        seen(OFFICE_PC, "0701234abc", 3);
        seen(INTERNET_PC, "SOMEONES-PHONE", 4);
        seen(INTERNET_PC, "0701234ABC", 5); // two non-classified sides: not the ledger's business
        reached(INTERNET_PC, "www.gov.cn", 6);
        reached(OFFICE_PC, "", 7);
    }

    static Device.Builder classifiedPc(DeviceId id, String asset, org.baomi.core.classification.ClassificationLevel level,
            NetworkId network, PersonId person, String ip, String mac) {
        return Device.builder(id, asset, DeviceType.DESKTOP, DeviceClass.classified(level)).network(network)
                .responsiblePerson(person)
                .ipAddresses(ip == null ? List.of() : List.of(new IpAddress(ip)))
                .macAddresses(mac == null ? List.of() : List.of(new MacAddress(mac)))
                .security(SecuritySettings.complete());
    }

    TestUnit add(Network n) {
        networks.put(n.id(), n);
        return this;
    }

    TestUnit add(PersonClearance p) {
        persons.put(p.id(), p);
        return this;
    }

    TestUnit add(Device d) {
        devices.put(d.id(), d);
        return this;
    }

    TestUnit add(Medium m) {
        media.put(m.id(), m);
        return this;
    }

    TestUnit device(DeviceId id, UnaryOperator<Device.Builder> change) {
        return add(change.apply(devices.get(id).toBuilder()).build());
    }

    TestUnit medium(MediumId id, UnaryOperator<Medium> change) {
        return add(change.apply(media.get(id)));
    }

    TestUnit seen(DeviceId device, String serial, int minutesAgo) {
        observations.add(new Observation.MediumSeen(device, new UsbSerial(serial), NOW.minusSeconds(60L * minutesAgo)));
        return this;
    }

    TestUnit reached(DeviceId device, String target, int minutesAgo) {
        observations.add(new Observation.InternetReachable(device, NOW.minusSeconds(60L * minutesAgo), target));
        return this;
    }

    ComplianceFacts facts() {
        return ComplianceFacts.of(networks.values(), devices.values(), media.values(), persons.values(), observations);
    }

    ComplianceReport check() {
        return ComplianceEngine.standard(ComplianceSettings.defaults(), CLOCK).check(facts());
    }
}
