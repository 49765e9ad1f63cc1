package org.baomi.core.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.baomi.core.classification.Marking;
import org.baomi.core.org.SecretRelatedLevel;

/** A small unit: an office (department 10) in the scope, a department 20 outside it, one named outsider in scope. */
final class CarrierFixtures {

    static final Instant T0 = Instant.parse("2026-03-16T02:00:00Z"); // 10:00 in Beijing
    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    static final PersonRef OFFICER = new PersonRef(1, "王保密", SecretRelatedLevel.CORE, Set.of(10L));
    static final PersonRef READER = new PersonRef(2, "李一", SecretRelatedLevel.IMPORTANT, Set.of(10L));
    static final PersonRef NAMED = new PersonRef(3, "张二", SecretRelatedLevel.CORE, Set.of(20L));
    static final PersonRef OUTSIDER = new PersonRef(4, "赵四", SecretRelatedLevel.CORE, Set.of(20L));
    static final PersonRef GENERAL = new PersonRef(5, "钱五", SecretRelatedLevel.GENERAL, Set.of(10L));
    static final PersonRef HEAD = new PersonRef(6, "孙主任", SecretRelatedLevel.CORE, Set.of(10L));
    static final PersonRef UNCLEARED = new PersonRef(7, "周六", SecretRelatedLevel.NONE, Set.of(10L));

    static final KnowledgeScope SCOPE = KnowledgeScope.of(List.of(3L), List.of(10L));
    static final StoragePlace SAFE = new StoragePlace(StoragePlace.Kind.COMBINATION_SAFE, "机要室 1号保险柜");
    static final StoragePlace CABINET = new StoragePlace(StoragePlace.Kind.COMBINATION_LOCK_CABINET, "办公室 密码文件柜");
    static final ApprovalRef APPROVAL = new ApprovalRef(77);

    private CarrierFixtures() {
    }

    static CarrierDetails details() {
        return new CarrierDetails(1, CarrierType.PAPER_DOCUMENT, "关于2026年保密工作要点的通知", "国保发〔2026〕3号",
                "国家保密局", LocalDate.of(2026, 3, 10), new CopyNumber(3, 20), SCOPE, OFFICER);
    }

    static Carrier secret() {
        return registered("机密★10年", CABINET);
    }

    static Carrier topSecret() {
        return registered("绝密★长期", SAFE);
    }

    static Carrier registered(String marking, StoragePlace place) {
        return Carrier.register(new CarrierId(100), new SerialNumber("FGW-2026-PD-00042"), details(),
                Marking.parse(marking), place, OFFICER, T0);
    }

    static Instant later(int hours) {
        return T0.plusSeconds(3600L * hours);
    }
}
