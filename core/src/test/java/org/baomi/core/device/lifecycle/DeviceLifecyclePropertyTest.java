package org.baomi.core.device.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.lifecycle.DeviceEvent.*;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever is tried, in whatever order and with whatever arguments, a device never
 * reaches an illegal state and never skips an approval. Each seed draws a device designation, a
 * few networks and people with random clearances, and a random sequence of acts — sometimes
 * without approval, with uncleared people, off site with the storage inside. After every attempt:
 * <ul>
 * <li>a refused act leaves no trace; an accepted one appends exactly one event;</li>
 * <li>the state is what replaying the history gives, and a restore agrees;</li>
 * <li>nothing follows DESTROYED or LOST; a scrapped device is only destroyed or lost;</li>
 * <li>every admission, change, maintenance and scrapping carries an approval;</li>
 * <li>a classified device is never on the intranet or Internet, nor above its network's level;
 *     never off site with its storage inside; its responsible person is cleared for it;</li>
 * <li>a device on a network got there by an approved admission, an approved change, or a
 *     registration that names the earlier admission's reference.</li>
 * </ul>
 */
class DeviceLifecyclePropertyTest {

    static final Instant START = Instant.parse("2026-03-16T02:00:00Z");
    static final Actor OFFICER = new Actor(1, "保密员");
    static final Set<Class<?>> REACHED = new HashSet<>();

    @AfterAll
    static void everyEventWasReachedBySomeSeed() {
        assertThat(REACHED).containsExactlyInAnyOrder(DeviceEvent.class.getPermittedSubclasses());
    }

    static LongStream seeds() {
        return LongStream.range(0, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSequenceOfActsReachesAnIllegalStateOrSkipsAnApproval(long seed) {
        Random random = new Random(seed);
        List<DeviceClass> classes = List.of(DeviceClass.classified(ClassificationLevel.SECRET),
                DeviceClass.classified(ClassificationLevel.CONFIDENTIAL), DeviceClass.nonClassified(),
                DeviceClass.internet());
        DeviceClass deviceClass = classes.get(random.nextInt(classes.size()));
        List<Network> networks = List.of(
                Network.classified(NetworkId.of(1), "涉密网", ClassificationLevel.SECRET, "发改保〔2024〕1号"),
                Network.classified(NetworkId.of(2), "秘密网", ClassificationLevel.CONFIDENTIAL, "发改保〔2024〕2号"),
                Network.intranet(NetworkId.of(3), "政务内网"), Network.internet(NetworkId.of(4), "互联网"),
                Network.standalone(NetworkId.of(5), "单机", ClassificationLevel.TOP_SECRET));
        List<PersonRef> people = List.of(new PersonRef(11, "甲", SecretRelatedLevel.CORE),
                new PersonRef(12, "乙", SecretRelatedLevel.IMPORTANT), new PersonRef(13, "丙", SecretRelatedLevel.GENERAL),
                new PersonRef(14, "丁", SecretRelatedLevel.NONE));
        Instant at = START;
        DeviceRecord device;
        try {
            Network initial = random.nextInt(3) == 0 ? pick(random, networks) : null;
            device = DeviceRecord.register(7, "ZC-" + seed, deviceClass, initial,
                    random.nextInt(4) == 0 ? "" : "旧入网文号", random.nextBoolean() ? pick(random, people) : null, 3L,
                    "301", OFFICER, at);
        } catch (DomainException refused) {
            assertThat(refused.code()).startsWith("device.");
            return;
        }
        check(device);
        long approvals = 100;
        for (int step = 0, n = 5 + random.nextInt(30); step < n; step++) {
            at = at.plusSeconds(3600L * random.nextInt(48));
            List<DeviceEvent> before = device.history();
            ApprovalRef approval = random.nextInt(5) == 0 ? null : new ApprovalRef(approvals++);
            try {
                switch (random.nextInt(10)) {
                    case 0 -> device.admit(approval, pick(random, networks), OFFICER, at);
                    case 1 -> device.reassign(approval, random.nextBoolean() ? pick(random, people) : null,
                            random.nextBoolean() ? 4L : null, random.nextBoolean() ? "302" : null,
                            random.nextBoolean() ? pick(random, networks) : null, OFFICER, at);
                    case 2 -> device.startMaintenance(approval,
                            random.nextBoolean() ? OpenMaintenance.Site.ON_SITE : OpenMaintenance.Site.OFF_SITE,
                            random.nextBoolean() ? pick(random, people) : null, "维修公司", "无法开机",
                            random.nextBoolean(), random.nextBoolean() ? pick(random, people) : null, "硬盘 S1",
                            OFFICER, at);
                    case 3 -> device.closeMaintenance(random.nextInt(4) == 0 ? "" : "更换电源", OFFICER, at);
                    case 4 -> device.reinstall("银河麒麟 V10", LocalDate.of(2026, 3, 20), "", OFFICER, at);
                    case 5 -> device.removeFromNetwork("调整", OFFICER, at);
                    case 6 -> device.scrap(approval, new StorageDisposal("硬盘 S1", "销毁中心", "XH-1"), OFFICER, at);
                    case 7 -> device.destroy(new DestructionRecord("销毁中心", "ZS-1",
                            List.of(new PersonRef.Named(12, "乙"))), OFFICER, at);
                    case 8 -> device.reportLost(random.nextInt(3) == 0 ? "" : "出差途中遗失", OFFICER, at);
                    default -> {
                        // a restore in the middle of the life must give the same device
                        DeviceRecord again = DeviceRecord.restore(device.id(), device.assetNumber(),
                                device.deviceClass(), device.status(), device.history());
                        assertThat(again.state()).isEqualTo(device.state());
                        continue;
                    }
                }
                assertThat(device.history()).hasSize(before.size() + 1);
                assertThat(device.history().subList(0, before.size())).isEqualTo(before);
            } catch (DomainException refused) {
                assertThat(refused.code()).matches("(device|destruction)\\..+");
                assertThat(device.history()).as("a refused act leaves no trace").isEqualTo(before);
            }
            check(device);
        }
    }

    private static void check(DeviceRecord device) {
        List<DeviceEvent> history = device.history();
        device.history().forEach(e -> REACHED.add(e.getClass()));
        assertThat(DeviceHistory.replay(history)).isEqualTo(device.state());
        DeviceRecord restored = DeviceRecord.restore(device.id(), device.assetNumber(), device.deviceClass(),
                device.status(), history);
        assertThat(restored.state()).isEqualTo(device.state());
        for (int i = 0; i < history.size(); i++) {
            DeviceEvent e = history.get(i);
            if (i > 0) {
                DeviceStatus was = DeviceHistory.replay(history.subList(0, i)).status();
                assertThat(was.isTerminal()).as("nothing follows a terminal status").isFalse();
                if (was == DeviceStatus.SCRAPPED) {
                    assertThat(e).isInstanceOfAny(Destroyed.class, ReportedLost.class);
                }
            }
            if (e instanceof AdmittedToNetwork || e instanceof Reassigned || e instanceof MaintenanceStarted
                    || e instanceof Scrapped) {
                assertThat(e.approval()).as("%s carries its approval", e.getClass().getSimpleName()).isNotNull();
            }
            if (e instanceof Registered r && r.networkId() != null) {
                assertThat(r.admissionReference()).isNotBlank();
            }
            if (e instanceof MaintenanceStarted m && device.deviceClass().isClassified()
                    && m.site() == OpenMaintenance.Site.OFF_SITE) {
                assertThat(m.storageRemoved()).as("classified off site only without its storage").isTrue();
            }
            if (e instanceof Scrapped) {
                assertThat(DeviceHistory.replay(history.subList(0, i)).networkId())
                        .as("scrapped only off any network").isNull();
            }
        }
        DeviceHistory.State s = device.state();
        if (s.networkId() != null && device.deviceClass().isClassified()) {
            long n = s.networkId();
            assertThat(n).as("a classified device stays off the intranet and the Internet").isNotIn(3L, 4L);
            if (device.deviceClass().level() == ClassificationLevel.SECRET) {
                assertThat(n).as("a SECRET device is not on a CONFIDENTIAL network").isNotEqualTo(2L);
            }
        }
        if (s.networkId() != null && !device.deviceClass().isClassified()) {
            assertThat(s.networkId()).as("a non-classified device is never on a classified network").isNotIn(1L, 2L);
        }
        if (s.responsiblePersonId() != null && device.deviceClass().isClassified()) {
            assertThat(s.responsiblePersonId()).as("the responsible person is cleared").isNotEqualTo(14L);
        }
        assertThat(s.status() == DeviceStatus.IN_MAINTENANCE).isEqualTo(s.maintenance() != null);
        assertThat(NetworkKind.values()).isNotEmpty();
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
