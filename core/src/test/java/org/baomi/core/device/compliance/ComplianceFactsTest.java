package org.baomi.core.device.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.device.compliance.TestUnit.*;

import java.util.List;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.MediumId;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.PersonId;
import org.baomi.core.device.UsbSerial;
import org.junit.jupiter.api.Test;

class ComplianceFactsTest {

    @Test
    void aPairingCountsWhicheverSideRegistersIt() {
        ComplianceFacts facts = new TestUnit().facts();

        // DESKTOP_2 lists RED_2; RED_2 lists no device
        assertThat(facts.allowed(facts.device(DESKTOP_2), facts.medium(RED_2))).isTrue();
        // RED_1 lists DESKTOP_1 and DESKTOP_1 lists RED_1
        assertThat(facts.allowed(facts.device(DESKTOP_1), facts.medium(RED_1))).isTrue();
        // LAPTOP_DISK lists LAPTOP; LAPTOP lists nothing
        assertThat(facts.mediaAllowedOn(facts.device(LAPTOP))).extracting(m -> m.id()).containsExactly(LAPTOP_DISK);
        assertThat(facts.devicesAllowedFor(facts.medium(DISC))).extracting(d -> d.id()).containsExactly(DESKTOP_2);
        assertThat(facts.allowed(facts.device(DESKTOP_1), facts.medium(RED_2))).isFalse();
    }

    @Test
    void mediaAreFoundByTheirNormalisedSerial() {
        ComplianceFacts facts = new TestUnit().facts();

        assertThat(facts.mediaWithSerial(new UsbSerial(" aa04-01270001 "))).isEmpty();
        assertThat(facts.mediaWithSerial(new UsbSerial(" aa04 0127 0001\t"))).extracting(m -> m.id())
                .containsExactly(RED_1);
    }

    @Test
    void scrappedDevicesAndLostMediaAreOutOfService() {
        TestUnit unit = new TestUnit().medium(RED_3,
                m -> new org.baomi.core.device.Medium(m.id(), m.number(), m.type(), m.level(), m.usbSerial(),
                        m.holder(), m.allowedDevices(), org.baomi.core.device.MediumStatus.LOST));
        ComplianceFacts facts = unit.facts();

        assertThat(facts.devicesInService()).extracting(d -> d.id()).doesNotContain(SCRAPPED).hasSize(9);
        assertThat(facts.mediaInService()).extracting(m -> m.id()).doesNotContain(RED_3).hasSize(6);
        assertThat(facts.devices()).hasSize(10);
    }

    @Test
    void observationsAreSplitByKindAndCanBeAdded() {
        ComplianceFacts facts = new TestUnit().facts();
        ComplianceFacts more = facts.withObservations(
                List.of(new Observation.InternetReachable(DESKTOP_1, NOW, " 8.8.8.8 ")));

        assertThat(facts.mediaSeen()).hasSize(5);
        assertThat(facts.internetReached()).hasSize(2);
        assertThat(more.internetReached()).hasSize(3).last().extracting(Observation.InternetReachable::target)
                .isEqualTo("8.8.8.8");
        assertThat(more.devices()).isEqualTo(facts.devices());
    }

    @Test
    void aSnapshotMustHoldWhatItsEntriesReferTo() {
        TestUnit onUnknownNetwork = new TestUnit().device(DESKTOP_1, d -> d.network(NetworkId.of("N99")));
        TestUnit unknownPerson = new TestUnit().device(DESKTOP_1, d -> d.responsiblePerson(PersonId.of(99)));
        TestUnit unknownMedium = new TestUnit().device(DESKTOP_1, d -> d.allowedMedia(List.of(MediumId.of(99))));
        TestUnit unknownDevice = new TestUnit().medium(RED_1, m -> m.withAllowedDevices(List.of(DeviceId.of(99))));
        TestUnit unknownHolder = new TestUnit().medium(RED_1, m -> m.withHolder(PersonId.of(99)));
        TestUnit unknownReporter = new TestUnit().seen(DeviceId.of(99), "X", 0);

        for (TestUnit broken : List.of(onUnknownNetwork, unknownPerson, unknownMedium, unknownDevice, unknownHolder,
                unknownReporter)) {
            assertThatThrownBy(broken::facts).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("99");
        }
    }

    @Test
    void anEntryTwiceIsRefused() {
        TestUnit unit = new TestUnit();
        var devices = new java.util.ArrayList<>(unit.devices.values());
        devices.add(unit.devices.get(DESKTOP_1));

        assertThatThrownBy(() -> ComplianceFacts.ofLedger(unit.networks.values(), devices, unit.media.values(),
                unit.persons.values())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
