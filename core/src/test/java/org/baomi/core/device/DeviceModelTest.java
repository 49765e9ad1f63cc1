package org.baomi.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.classification.ClassificationLevel.*;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceModelTest {

    static Stream<Arguments> serials() {
        return Stream.of(
                Arguments.of("AA04012700012345", "AA04012700012345"),
                Arguments.of(" aa04012700012345 ", "AA04012700012345"),
                Arguments.of("aa04 0127 0001 2345", "AA04012700012345"),
                Arguments.of("\taa0401270001\u00a02345\r\n", "AA04012700012345"),
                Arguments.of("aa0401270001\u0000", "AA0401270001"),
                Arguments.of("4C530001230523112372", "4C530001230523112372"),
                // only case and whitespace: an instance path's suffix is the agent's to strip
                Arguments.of("0701234abc&0", "0701234ABC&0"));
    }

    @ParameterizedTest
    @MethodSource("serials")
    void usbSerialsMatchWhateverTheCaseAndWhitespace(String raw, String normal) {
        assertThat(new UsbSerial(raw).value()).isEqualTo(normal);
        assertThat(new UsbSerial(raw)).isEqualTo(new UsbSerial(normal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "\u0000"})
    void aBlankUsbSerialIsRefused(String raw) {
        assertThatThrownBy(() -> new UsbSerial(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMediumWithABlankSerialHasNone() {
        Medium disc = Medium.of(MediumId.of(1), "光-1", MediumType.OPTICAL_DISC, SECRET, "  ", null, List.of(),
                MediumStatus.IN_STOCK);

        assertThat(disc.usbSerial()).isEmpty();
        assertThat(disc.isClassified()).isTrue();
        assertThat(disc.withLevel(INTERNAL).isClassified()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "001A2B3C4D5E", " 00:1A:2B:3C:4D:5E "})
    void macAddressesInEveryCommonFormAreOne(String raw) {
        assertThat(new MacAddress(raw).value()).isEqualTo("00:1A:2B:3C:4D:5E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1a:2b:3c:4d", "00:1a:2b:3c:4d:5e:6f", "zz:1a:2b:3c:4d:5e", ""})
    void malformedMacAddressesAreRefused(String raw) {
        assertThatThrownBy(() -> new MacAddress(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipAddressesAreCheckedForShape() {
        assertThat(new IpAddress(" 10.1.0.11 ").value()).isEqualTo("10.1.0.11");
        assertThat(new IpAddress("FE80::1").value()).isEqualTo("fe80::1");
        for (String bad : List.of("10.1.0", "256.1.1.1", "example.com", "10.1.0.11/24")) {
            assertThatThrownBy(() -> new IpAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aClassifiedNetworkHasAStateSecretLevelAndAnApproval() {
        Network net = Network.classified(NetworkId.of("N1"), "涉密内网", SECRET, "批复〔2025〕1号");
        assertThat(net.isClassified()).isTrue();
        assertThat(net.kind().admitsClassifiedDevices()).isTrue();

        assertThatThrownBy(() -> Network.classified(NetworkId.of("N1"), "x", INTERNAL, "批复"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Network.classified(NetworkId.of("N1"), "x", SECRET, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approval");
    }

    @Test
    void theIntranetAndTheInternetAreNonClassified() {
        assertThat(Network.intranet(NetworkId.of("N2"), "政务内网").level()).isEqualTo(INTERNAL);
        assertThat(Network.internet(NetworkId.of("N3"), "互联网").level()).isEqualTo(PUBLIC);
        assertThat(NetworkKind.INTERNET.admitsClassifiedDevices()).isFalse();
        assertThat(NetworkKind.GOVERNMENT_INTRANET.admitsClassifiedDevices()).isFalse();
        assertThatThrownBy(() -> new Network(NetworkId.of("N3"), "互联网", NetworkKind.INTERNET, SECRET, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Network(NetworkId.of("N5"), "单机", NetworkKind.STANDALONE, null, ""))
                .isInstanceOf(NullPointerException.class);
        assertThat(Network.standalone(NetworkId.of("N5"), "单机", TOP_SECRET).kind().admitsClassifiedDevices()).isTrue();
    }

    @Test
    void aDeviceIsClassifiedNonClassifiedOrInternet() {
        assertThat(DeviceClass.classified(CONFIDENTIAL).level()).isEqualTo(CONFIDENTIAL);
        assertThat(DeviceClass.classified(CONFIDENTIAL).isClassified()).isTrue();
        assertThat(DeviceClass.nonClassified().level()).isEqualTo(INTERNAL);
        assertThat(DeviceClass.internet().level()).isEqualTo(PUBLIC);
        assertThat(DeviceClass.internet().isClassified()).isFalse();
        assertThatThrownBy(() -> DeviceClass.classified(INTERNAL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeviceNamesEachResponsiblePersonOnce() {
        var builder = Device.builder(DeviceId.of(1), "SM-1", DeviceType.DESKTOP, DeviceClass.classified(SECRET))
                .responsiblePersons(List.of(PersonId.of(1), PersonId.of(1)));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void aNewDeviceIsStandaloneWithNothingFilledIn() {
        Device d = Device.builder(DeviceId.of(" 7 "), " SM-7 ", DeviceType.SERVER, DeviceClass.classified(SECRET))
                .build();

        assertThat(d.id().value()).isEqualTo("7");
        assertThat(d.assetNumber()).isEqualTo("SM-7");
        assertThat(d.network()).isEmpty();
        assertThat(d.security().missing()).isEqualTo(EnumSet.allOf(SecurityControl.class));
        assertThat(d.maintenance()).isEmpty();
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThatThrownBy(() -> DeviceId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void securitySettingsNameWhatIsMissing() {
        assertThat(SecuritySettings.complete().missing()).isEmpty();
        assertThat(SecuritySettings.complete().with(SecurityControl.AUDIT_ENABLED, false)
                .with(SecurityControl.BOOT_PASSWORD, false).missing())
                .containsExactly(SecurityControl.BOOT_PASSWORD, SecurityControl.AUDIT_ENABLED);
        for (SecurityControl c : SecurityControl.values()) {
            assertThat(SecuritySettings.none().with(c, true).missing()).doesNotContain(c).hasSize(6);
        }
    }

    @Test
    void onlyScrappedDestroyedAndLostDevicesLeaveService() {
        assertThat(EnumSet.allOf(DeviceStatus.class)).filteredOn(s -> !s.inService())
                .containsExactlyInAnyOrder(DeviceStatus.SCRAPPED, DeviceStatus.DESTROYED, DeviceStatus.LOST);
        assertThat(EnumSet.allOf(MediumStatus.class)).filteredOn(s -> !s.inService())
                .containsExactlyInAnyOrder(MediumStatus.LOST, MediumStatus.DESTROYED);
    }
}
