package org.baomi.core.device.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.OpenMaintenance.Site;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.Test;

class DeviceLifecycleTest {

    static final Instant T = Instant.parse("2026-03-16T02:00:00Z");
    static final Actor BY = new Actor(1, "保密员");
    static final Network SECRET_NET = Network.classified(NetworkId.of(1), "涉密网", ClassificationLevel.SECRET, "批准文号");
    static final Network INTERNET = Network.internet(NetworkId.of(4), "互联网");
    static final PersonRef CORE = new PersonRef(11, "甲", SecretRelatedLevel.CORE);
    static final PersonRef NONE = new PersonRef(14, "丁", SecretRelatedLevel.NONE);

    private static DeviceRecord secretLaptop() {
        return DeviceRecord.register(7, "ZC-1", DeviceClass.classified(ClassificationLevel.SECRET), null, "", CORE, null,
                "301", BY, T);
    }

    @Test
    void aDeviceGoesThroughItsWholeLifeWithApprovals() {
        DeviceRecord d = secretLaptop();
        assertThat(d.status()).isEqualTo(DeviceStatus.REGISTERED);
        d.admit(new ApprovalRef(1), SECRET_NET, BY, T);
        assertThat(d.state().networkId()).isEqualTo(1L);
        d.reassign(new ApprovalRef(2), null, null, "305", null, BY, T);
        assertThat(d.state().location()).isEqualTo("305");
        d.startMaintenance(new ApprovalRef(3), Site.OFF_SITE, null, "维修公司", "蓝屏", true, CORE, "硬盘 S1", BY, T);
        assertThat(d.status()).isEqualTo(DeviceStatus.IN_MAINTENANCE);
        d.closeMaintenance("更换主板", BY, T);
        assertThat(d.status()).isEqualTo(DeviceStatus.IN_USE);
        d.reinstall("银河麒麟", LocalDate.of(2026, 3, 17), "", BY, T);
        d.removeFromNetwork("报废前退网", BY, T);
        d.scrap(new ApprovalRef(4), new StorageDisposal("硬盘 S1", "销毁中心", "XH-1"), BY, T);
        d.destroy(new DestructionRecord("销毁中心", "ZS-1", List.of(new PersonRef.Named(12, "乙"))), BY, T);
        assertThat(d.status()).isEqualTo(DeviceStatus.DESTROYED);
        assertThat(d.history()).hasSize(9);
    }

    @Test
    void refusesWhatTheRulesForbid() {
        DeviceRecord d = secretLaptop();
        assertThatThrownBy(() -> d.admit(null, SECRET_NET, BY, T)).hasFieldOrPropertyWithValue("code",
                "device.approvalRequired");
        assertThatThrownBy(() -> d.admit(new ApprovalRef(1), INTERNET, BY, T)).hasFieldOrPropertyWithValue("code",
                "device.network.classifiedOnOpen");
        assertThatThrownBy(() -> d.reassign(new ApprovalRef(1), NONE, null, null, null, BY, T))
                .hasFieldOrPropertyWithValue("code", "device.responsibleNotCleared");
        assertThatThrownBy(() -> d.startMaintenance(new ApprovalRef(1), Site.OFF_SITE, null, "x", "y", false, null, "",
                BY, T)).hasFieldOrPropertyWithValue("code", "device.maintenance.storageInside");
        assertThatThrownBy(() -> d.startMaintenance(new ApprovalRef(1), Site.ON_SITE, NONE, "x", "y", false, null, "",
                BY, T)).hasFieldOrPropertyWithValue("code", "device.maintenance.supervisorNotCleared");
        d.admit(new ApprovalRef(1), SECRET_NET, BY, T);
        assertThatThrownBy(() -> d.scrap(new ApprovalRef(2), new StorageDisposal("a", "b", ""), BY, T))
                .hasFieldOrPropertyWithValue("code", "device.scrap.onNetwork");
        d.removeFromNetwork("", BY, T);
        assertThatThrownBy(() -> d.scrap(null, new StorageDisposal("a", "b", ""), BY, T))
                .hasFieldOrPropertyWithValue("code", "device.approvalRequired");
        d.scrap(new ApprovalRef(2), new StorageDisposal("a", "b", ""), BY, T);
        assertThatThrownBy(() -> d.admit(new ApprovalRef(3), SECRET_NET, BY, T))
                .hasFieldOrPropertyWithValue("code", "device.scrapped");
        assertThat(d.possibleActs()).containsExactlyInAnyOrder(DeviceRecord.Act.DESTROY, DeviceRecord.Act.REPORT_LOST);
        assertThat(d.history()).hasSize(4);
    }

    @Test
    void aStoredRowThatDisagreesWithItsHistoryIsRefused() {
        DeviceRecord d = secretLaptop();
        assertThatThrownBy(() -> DeviceRecord.restore(7, "ZC-1", d.deviceClass(), DeviceStatus.IN_USE, d.history()))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "device.statusMismatch");
    }

    @Test
    void registeringOnANetworkNeedsTheEarlierAdmissionsReference() {
        assertThatThrownBy(() -> DeviceRecord.register(7, "ZC-1", DeviceClass.classified(ClassificationLevel.SECRET),
                SECRET_NET, " ", CORE, null, "", BY, T))
                .hasFieldOrPropertyWithValue("code", "device.admissionReferenceRequired");
        DeviceRecord d = DeviceRecord.register(7, "ZC-1", DeviceClass.classified(ClassificationLevel.SECRET), SECRET_NET,
                "发改保〔2023〕9号", CORE, null, "", BY, T);
        assertThat(d.status()).isEqualTo(DeviceStatus.IN_USE);
    }

    @Test
    void theStateCarriesTheAdmissionTheDeviceIsOnItsNetworkBy() {
        Network other = Network.classified(NetworkId.of(2), "涉密网二", ClassificationLevel.SECRET, "批准文号二");
        DeviceRecord onPaper = DeviceRecord.register(7, "ZC-1", DeviceClass.classified(ClassificationLevel.SECRET),
                SECRET_NET, " 发改保〔2023〕9号 ", CORE, null, "", BY, T);
        assertThat(onPaper.state().admissionReference()).isEqualTo("发改保〔2023〕9号");
        assertThat(onPaper.state().admissionRequestId()).isNull();
        onPaper.reassign(new ApprovalRef(5), null, null, "302", null, BY, T);
        assertThat(onPaper.state().admissionReference()).as("a change that leaves the network keeps it")
                .isEqualTo("发改保〔2023〕9号");
        onPaper.reassign(new ApprovalRef(6), null, null, null, other, BY, T);
        assertThat(onPaper.state().admissionReference()).isNull();
        assertThat(onPaper.state().admissionRequestId()).isEqualTo(6L);
        onPaper.removeFromNetwork("", BY, T);
        assertThat(onPaper.state().admissionRequestId()).isNull();
        assertThat(onPaper.state().admissionReference()).isNull();

        DeviceRecord admitted = secretLaptop();
        assertThat(admitted.state().admissionReference()).as("off any network there is none").isNull();
        admitted.admit(new ApprovalRef(8), SECRET_NET, BY, T);
        admitted.startMaintenance(new ApprovalRef(9), Site.OFF_SITE, null, "维修公司", "蓝屏", true, CORE, "硬盘 S1", BY, T);
        admitted.closeMaintenance("更换主板", BY, T);
        assertThat(admitted.state().admissionRequestId()).as("maintenance is no admission").isEqualTo(8L);
        admitted.reportLost("3月15日在会议室最后见到，未找到", BY, T);
        assertThat(admitted.state().admissionRequestId()).isNull();
    }

    @Test
    void aMediumIsIssuedOnlyToTheCleared() {
        MediumRecord m = MediumRecord.register(3, "FGW-HP-0001", ClassificationLevel.SECRET, BY, T);
        assertThatThrownBy(() -> m.issue(NONE, BY, T)).hasFieldOrPropertyWithValue("code", "medium.holderNotCleared");
        m.issue(CORE, BY, T);
        assertThatThrownBy(() -> m.destroy(new ApprovalRef(1), new DestructionRecord("x", "", List.of(CORE.named())),
                BY, T)).hasFieldOrPropertyWithValue("code", "medium.wrongStatus");
        m.returnToStock(BY, T);
        m.destroy(new ApprovalRef(1), new DestructionRecord("x", "", List.of(CORE.named())), BY, T);
        assertThat(m.possibleActs()).isEmpty();
    }

    @Test
    void numbersFollowTheUnitsPattern() {
        MediumNumberPattern p = MediumNumberPattern.parse("{unit}-HP-{year}-{seq:4}");
        assertThat(p.format("FGW", 2026, 7)).isEqualTo("FGW-HP-2026-0007");
        assertThat(p.sequenceKey(2026)).isEqualTo("year:2026");
        assertThat(MediumNumberPattern.parse("红盘{seq}").sequenceKey(2026)).isEqualTo("all");
        for (String bad : List.of("", "HP-{seq}-{seq}", "HP", "HP-{foo}", "HP-{seq:0}", "HP-{seq")) {
            assertThatThrownBy(() -> MediumNumberPattern.parse(bad)).as(bad)
                    .hasFieldOrPropertyWithValue("code", "medium.pattern.invalid");
        }
    }
}
