package org.baomi.server.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.approval.Verdict;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.SecuritySettings;
import org.baomi.core.device.lifecycle.DeviceEvent;
import org.baomi.core.device.lifecycle.DeviceEvent.MaintenanceStarted;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.device.DeviceInputs.*;
import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.platform.Db;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.security.BaomiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo unit's device ledger (江州市发展和改革委员会): a classified network, the intranet, the
 * Internet and a standalone group; fifteen devices and ten media, taken over from the paper
 * ledger; and three findings a secrecy officer meets in real inspections — a classified laptop
 * with Bluetooth, a medium whose level was raised above its holder's clearance, a repair off
 * site open for 40 days — plus an admission waiting for the leader in charge. Everything goes
 * through the services as the demo secrecy officer (and the leader for approvals), so the
 * history and the audit log are what real use would write. Seeds only when the unit has no
 * network yet.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
class DeviceDemo implements ApplicationRunner {

    static final String UNIT = "JZ-FGW";
    static final String PAPER = "发改保〔2023〕12号";
    private static final Logger log = LoggerFactory.getLogger(DeviceDemo.class);

    private final BaomiProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccountUserDetailsService users;
    private final NetworkService networks;
    private final DeviceService devices;
    private final MediumService media;
    private final ApprovalService approvals;
    private final EventCodec codec;
    private final Clock clock;

    DeviceDemo(BaomiProperties properties, JdbcClient jdbc, TransactionTemplate transaction,
            AccountUserDetailsService users, NetworkService networks, DeviceService devices, MediumService media,
            ApprovalService approvals, EventCodec codec, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.users = users;
        this.networks = networks;
        this.devices = devices;
        this.media = media;
        this.approvals = approvals;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.serving() && seedIfEmpty()) {
            log.info("Seeded the demo device ledger of {}", UNIT);
        }
    }

    /** Seeds in one transaction when the demo unit exists and has no network; false otherwise. */
    boolean seedIfEmpty() {
        Long unit = jdbc.sql("select id from unit where code = :code").param("code", UNIT).query(Long.class).optional()
                .orElse(null);
        if (unit == null || jdbc.sql("select count(*) from network where unit_id = :u").param("u", unit)
                .query(Long.class).single() > 0) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                seed(unit);
                return true;
            }));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signIn(String username) {
        BaomiUser user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private long person(long unit, String name) {
        return jdbc.sql("select id from person where unit_id = :u and name = :n").param("u", unit).param("n", name)
                .query(Long.class).single();
    }

    private long department(long unit, String name) {
        return jdbc.sql("select id from department where unit_id = :u and name = :n").param("u", unit)
                .param("n", name).query(Long.class).single();
    }

    private void seed(long unit) {
        signIn("secrecy");
        long jiyao = networks.create(unit, new NetworkInput("机要局域网", NetworkKind.CLASSIFIED, ClassificationLevel.SECRET,
                "江保办〔2023〕15号", "机要室涉密局域网，物理隔离")).id();
        long intranet = networks.create(unit, new NetworkInput("电子政务内网", NetworkKind.GOVERNMENT_INTRANET, null, "",
                "市电子政务内网接入")).id();
        long internet = networks.create(unit, new NetworkInput("互联网", NetworkKind.INTERNET, null, "",
                "电信专线，办公楼一层机房出口")).id();
        long standalone = networks.create(unit, new NetworkInput("涉密单机（秘密级）", NetworkKind.STANDALONE,
                ClassificationLevel.CONFIDENTIAL, "", "不联网的涉密单机")).id();

        SecuritySettings full = SecuritySettings.complete();
        HardwareFacts none = HardwareFacts.none();
        long jdt = device(unit, "FGW-SM-001", DeviceType.DESKTOP, Designation.CLASSIFIED, ClassificationLevel.SECRET,
                "联想 启天 M43H", "统信 UOS 20", "机要文件处理", full, none, jiyao, "钱文涛", "机要室", "3楼机要室");
        long zm = device(unit, "FGW-SM-002", DeviceType.DESKTOP, Designation.CLASSIFIED, ClassificationLevel.SECRET,
                "联想 启天 M43H", "统信 UOS 20", "机要文件处理", full, none, jiyao, "赵敏", "机要室", "3楼机要室");
        device(unit, "FGW-SM-003", DeviceType.PRINTER, Designation.CLASSIFIED, ClassificationLevel.SECRET,
                "奔图 P3301DN", "", "涉密文件打印", full, none, jiyao, "钱文涛", "机要室", "3楼机要室");
        // a finding: the laptop still has its Bluetooth module
        long laptop = device(unit, "FGW-SM-004", DeviceType.LAPTOP, Designation.CLASSIFIED,
                ClassificationLevel.CONFIDENTIAL, "华为 擎云 L420", "银河麒麟 V10", "外出涉密会议记录", full,
                new HardwareFacts(false, true, false), standalone, "林晓明", "综合规划科", "综合规划科保密柜");
        long repaired = device(unit, "FGW-SM-005", DeviceType.DESKTOP, Designation.CLASSIFIED,
                ClassificationLevel.SECRET, "长城 世恒 TD120", "统信 UOS 20", "投资项目涉密材料", full, none, jiyao,
                "宋佳", "投资科", "4楼投资科");
        device(unit, "FGW-SM-006", DeviceType.MULTI_FUNCTION, Designation.CLASSIFIED, ClassificationLevel.CONFIDENTIAL,
                "震旦 AD369", "", "涉密文件复印扫描", full, none, standalone, "孙丽", "办公室", "2楼档案室");
        long[] office = new long[5];
        String[][] intranetPcs = {{"FGW-NW-001", "刘洋", "综合规划科"}, {"FGW-NW-002", "陈晓东", "投资科"},
                {"FGW-NW-003", "曹颖", "财政金融科"}, {"FGW-NW-004", "蒋红梅", "人事科"}, {"FGW-NW-005", "张伟", "办公室"}};
        for (int i = 0; i < intranetPcs.length; i++) {
            office[i] = device(unit, intranetPcs[i][0], DeviceType.DESKTOP, Designation.NON_CLASSIFIED, null,
                    "联想 开天 M740J", "统信 UOS 20", "内网办公", SecuritySettings.none(), none, intranet,
                    intranetPcs[i][1], intranetPcs[i][2], "");
        }
        String[][] internetPcs = {{"FGW-WW-001", "罗雪梅", "综合规划科", "10.20.1.11", "3C-52-82-4A-11-01"},
                {"FGW-WW-002", "韩磊", "投资科", "10.20.1.12", "3C-52-82-4A-11-02"},
                {"FGW-WW-003", "袁超", "财政金融科", "10.20.1.13", "3C-52-82-4A-11-03"}};
        for (String[] pc : internetPcs) {
            devices.register(unit, new DeviceRegistration(new DeviceDetails(pc[0], DeviceType.DESKTOP,
                    Designation.INTERNET, null, "戴尔 OptiPlex 3000", "", List.of(), List.of(pc[4]), List.of(pc[3]),
                    "Windows 10", LocalDate.of(2024, 3, 1), "互联网查询", SecuritySettings.none(), none),
                    new DevicePlacement(internet, PAPER, person(unit, pc[1]), department(unit, pc[2]), "")));
        }
        devices.register(unit, new DeviceRegistration(new DeviceDetails("FGW-CZ-001", DeviceType.FAX,
                Designation.NON_CLASSIFIED, null, "松下 KX-FL328CN", "", List.of(), List.of(), List.of(), "", null,
                "普通传真", SecuritySettings.none(), new HardwareFacts(false, false, true)),
                new DevicePlacement(null, null, person(unit, "杨帆"), department(unit, "办公室"), "2楼办公室")));

        // a new classified desktop waiting for the leader in charge to approve its admission
        long fresh = devices.register(unit, new DeviceRegistration(new DeviceDetails("FGW-SM-007",
                DeviceType.DESKTOP, Designation.CLASSIFIED, ClassificationLevel.SECRET, "联想 启天 M43H", "SN7Q2",
                List.of("WD-WX12A3"), List.of("00-E0-4C-68-01-07"), List.of("192.168.10.17"), "统信 UOS 20",
                LocalDate.of(2026, 11, 2), "机要文件处理", full, none),
                new DevicePlacement(null, null, person(unit, "钱文涛"), department(unit, "机要室"), "3楼机要室")))
                .device().id();
        devices.requestAdmission(fresh, new AdmissionRequest(jiyao, "新购机要计算机，已安装三合一"));

        // media: red disks for the classified machines, and one whose level was raised above its holder
        medium(unit, MediumType.USB_FLASH_DRIVE, ClassificationLevel.SECRET, "朗科 U336 32GB", "32GB",
                "AA04012700012345", List.of(jdt), "钱文涛");
        medium(unit, MediumType.USB_FLASH_DRIVE, ClassificationLevel.SECRET, "朗科 U336 32GB", "32GB",
                "AA04012700012346", List.of(zm), "赵敏");
        medium(unit, MediumType.REMOVABLE_DISK, ClassificationLevel.SECRET, "希捷 睿品 1TB", "1TB",
                "NAAB7X1Q", List.of(jdt, zm), null);
        medium(unit, MediumType.USB_FLASH_DRIVE, ClassificationLevel.CONFIDENTIAL, "爱国者 U310 16GB", "16GB",
                "0701A5F3C2B1", List.of(laptop), "林晓明");
        long raised = medium(unit, MediumType.USB_FLASH_DRIVE, ClassificationLevel.CONFIDENTIAL, "爱国者 U310 16GB",
                "16GB", "0701A5F3C2B7", List.of(laptop), "刘洋");
        medium(unit, MediumType.OPTICAL_DISC, ClassificationLevel.SECRET, "啄木鸟 涉密光盘", "4.7GB", null,
                List.of(jdt), null);
        medium(unit, MediumType.OPTICAL_DISC, ClassificationLevel.CONFIDENTIAL, "啄木鸟 涉密光盘", "4.7GB", null,
                List.of(), null);
        medium(unit, MediumType.SECURITY_TOKEN, ClassificationLevel.SECRET, "数字证书 Key", "", "KEY-0093-2210",
                List.of(repaired), "宋佳");
        medium(unit, MediumType.USB_FLASH_DRIVE, ClassificationLevel.INTERNAL, "金士顿 DT100 64GB", "64GB",
                "E0D55E6C8F21", List.of(office[0], office[1]), "刘洋");
        medium(unit, MediumType.MEMORY_CARD, ClassificationLevel.INTERNAL, "闪迪 TF 64GB", "64GB", null, List.of(),
                null);
        var r = jdbc.sql("select * from medium where id = :id").param("id", raised)
                .query((rs, i) -> new MediumDetails(MediumType.valueOf(rs.getString("type")), ClassificationLevel.SECRET,
                        rs.getString("brand_model"), rs.getString("capacity"), rs.getString("serial_number"),
                        rs.getString("usb_serial"), "项目评审材料（已升为机要级）", List.of(laptop)))
                .single();
        media.edit(raised, r, null);

        // an off-site repair, approved and handed over with the disk kept, open for 40 days
        long request = devices.requestMaintenance(repaired, new MaintenanceRequest(OpenMaintenance.Site.OFF_SITE,
                null, "长城电脑江州服务站", "主板电源故障，无法开机")).requestId();
        signIn("leader");
        approvals.decide(request, Verdict.APPROVE, "同意送修，硬盘拆除后由保密员保管");
        signIn("secrecy");
        devices.startMaintenance(repaired, new MaintenanceHandover(request, true, person(unit, "周丽华"),
                "硬盘 WD-WX31B0 拆下，存机要室保密柜"));
        backdateMaintenance(repaired, clock.instant().minus(Duration.ofDays(40)));
    }

    /**
     * The repair began before the ledger was kept in Baomi: its event, the maintenance record and
     * the projection are dated when it really began, so the overdue rule sees its true age.
     */
    private void backdateMaintenance(long deviceId, Instant began) {
        var stored = jdbc.sql("select seq, payload from device_event where device_id = :d and kind = 'MaintenanceStarted'")
                .param("d", deviceId).query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2)}).single();
        DeviceEvent event = codec.deviceEvents(List.of(new DeviceRepository.StoredEvent((int) stored[0],
                "MaintenanceStarted", began, 0, "", null, (String) stored[1]))).get(0);
        MaintenanceStarted m = (MaintenanceStarted) event;
        MaintenanceStarted dated = new MaintenanceStarted(m.by(), began, m.approval(), m.site(), m.supervisor(),
                m.provider(), m.fault(), m.storageRemoved(), m.storageKeeper(), m.storageNote());
        jdbc.sql("update device_event set at = :at, payload = :p where device_id = :d and seq = :s")
                .param("at", Db.ts(began)).param("p", codec.write(dated)).param("d", deviceId).param("s", stored[0])
                .update();
        jdbc.sql("update device_maintenance set opened_at = :at where device_id = :d").param("at", Db.ts(began))
                .param("d", deviceId).update();
        jdbc.sql("update device set maintenance_since = :at where id = :d").param("at", Db.ts(began))
                .param("d", deviceId).update();
    }

    private long device(long unit, String asset, DeviceType type, Designation designation, ClassificationLevel level,
            String brand, String os, String purpose, SecuritySettings security, HardwareFacts hardware, long network,
            String person, String department, String location) {
        int n = Integer.parseInt(asset.substring(asset.length() - 3));
        String mac = designation == Designation.CLASSIFIED ? "00-E0-4C-68-01-%02X".formatted(n)
                : "3C-52-82-4B-22-%02X".formatted(n);
        String ip = designation == Designation.CLASSIFIED ? "192.168.10." + n : "172.16.8." + (20 + n);
        boolean computer = type.isComputer();
        return devices.register(unit, new DeviceRegistration(new DeviceDetails(asset, type, designation, level, brand,
                "SN" + asset.replace("-", ""), computer ? List.of("WD-" + asset.replace("FGW-", "")) : List.of(),
                computer ? List.of(mac) : List.of(), computer ? List.of(ip) : List.of(), os,
                os.isEmpty() ? null : LocalDate.of(2024, 5, 10), purpose, security, hardware),
                new DevicePlacement(network, PAPER, person(unit, person), department(unit, department), location)))
                .device().id();
    }

    private long medium(long unit, MediumType type, ClassificationLevel level, String brand, String capacity,
            String usbSerial, List<Long> devicesAllowed, String holder) {
        long id = media.register(unit, new MediumDetails(type, level, brand, capacity, "", usbSerial, "", devicesAllowed))
                .medium().id();
        if (holder != null) {
            media.issue(id, person(unit, holder));
        }
        return id;
    }
}
