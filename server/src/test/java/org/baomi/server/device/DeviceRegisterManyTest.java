package org.baomi.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.MediumType;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.device.DeviceInputs.DeviceDetails;
import org.baomi.server.device.DeviceInputs.DevicePlacement;
import org.baomi.server.device.DeviceInputs.DeviceRegistration;
import org.baomi.server.device.DeviceInputs.MediumDetails;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Numbering under concurrency and registration of many rows at once (the importer's path), at service level. */
abstract class DeviceRegisterManyTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MediumService media;
    @Autowired
    DeviceService devices;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    long unit;
    TestAccount officer;

    @BeforeEach
    void signedInAsTheOfficer() {
        unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        signIn();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn() {
        BaomiUser user = users.loadUserByUsername(officer.username());
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    static MediumDetails usb(String serial) {
        return new MediumDetails(MediumType.USB_FLASH_DRIVE, ClassificationLevel.SECRET, "", "16GB", "", serial, "",
                List.of());
    }

    @Test
    void mediaRegisteredAtTheSameMomentGetConsecutiveNumbersWithoutGapsOrRepeats() throws Exception {
        media.setNumbering(unit, "红盘-{seq:3}");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String serial = "CONC" + i;
                Callable<String> register = () -> {
                    signIn();
                    start.await();
                    try {
                        return media.register(unit, usb(serial)).medium().number();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                numbers.add(pool.submit(register));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> f : numbers) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, n).mapToObj(i -> "红盘-%03d".formatted(i)).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackRegistrationGivesItsNumberBack() {
        media.register(unit, usb("A1"));
        assertThatThrownBy(() -> media.registerAll(unit, List.of(usb("A2"),
                new MediumDetails(MediumType.USB_FLASH_DRIVE, ClassificationLevel.SECRET, "", "", "", "", "",
                        List.of(987654321L))))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).field())
                        .isEqualTo("rows[1].allowedDeviceIds"));
        var registered = media.registerAll(unit, List.of(usb("A3"), usb("A4")));
        assertThat(registered).extracting(DeviceViews.Registered::label)
                .allSatisfy(label -> assertThat(label).matches(".*-HP-000[23]"));
    }

    @Test
    void aDeviceListIsRegisteredWholeOrNotAtAllWithEveryProblemNamingItsRow() {
        DeviceDetails good = new DeviceDetails("ZC-100", DeviceType.PRINTER, Designation.NON_CLASSIFIED, null,
                "惠普 M403", "", List.of(), List.of(), List.of("10.0.0.9"), "", null, "", null, null);
        DeviceDetails badMac = new DeviceDetails("ZC-101", DeviceType.DESKTOP, Designation.CLASSIFIED,
                ClassificationLevel.SECRET, "", "", List.of(), List.of("zz"), List.of(), "", null, "", null, null);
        List<DeviceRegistration> rows = List.of(new DeviceRegistration(good, null),
                new DeviceRegistration(badMac, new DevicePlacement(null, null, null, 424242L, "")),
                new DeviceRegistration(good, null));
        assertThatThrownBy(() -> devices.registerAll(unit, rows)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactlyInAnyOrder("rows[1].details.macAddresses", "rows[1].placement.departmentId",
                                "rows[2].details.assetNumber"));
        assertThat(jdbc.sql("select count(*) from device where unit_id = :u").param("u", unit).query(Long.class)
                .single()).isZero();
        var done = devices.registerAll(unit, List.of(rows.get(0)));
        assertThat(done).hasSize(1);
        assertThat(devices.ledger(unit)).extracting(DeviceViews.DeviceLedgerRow::assetNumber).containsExactly("ZC-100");
    }
}
