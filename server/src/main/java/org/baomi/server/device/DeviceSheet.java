package org.baomi.server.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.MediumType;
import org.baomi.server.platform.sheet.CellParser;
import org.baomi.server.platform.sheet.CellParsers;
import org.baomi.server.platform.sheet.CellValue;
import org.baomi.server.platform.sheet.SheetColumn;

/**
 * The device and medium ledgers as sheets, in the layouts units use (issue 4). Devices: 序号,
 * 资产编号, 设备类型, 品牌型号, 序列号, 硬盘序列号, MAC, IP, 密级, 所属网络, 责任人, 部门, 存放地点, 用途,
 * 状态, then 设备类别, 入网审批单号, 操作系统. Media: 序号, 编号, 类型, 密级, 容量, 序列号(USB), 持有人,
 * 可用设备, 状态, then 品牌型号, 序列号, 用途. Column keys are the field names the device services
 * name in their refusals ({@code details.assetNumber}), so a refusal points at its column.
 */
public final class DeviceSheet {

    private DeviceSheet() {
    }

    public static final String NO_ZH = "序号";
    public static final String NO_EN = "No.";
    public static final String STATUS_ZH = "状态";
    public static final String STATUS_EN = "Status";

    private static final Pattern LIST = Pattern.compile("[、,，;；\\s]+");

    static CellValue<List<String>> list(String text) {
        return CellValue.ok(LIST.splitAsStream(text).filter(s -> !s.isBlank()).distinct().toList());
    }

    /** Labels of the ledger's own bundle (what an export writes), in Chinese and English. */
    private static String label(String key, java.util.Locale locale) {
        try {
            return java.util.ResourceBundle.getBundle("i18n.device", locale,
                    java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (java.util.MissingResourceException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> CellParser<E> words(Class<E> type, Map<String, E> chinese, String code,
            String english) {
        Map<String, E> all = new LinkedHashMap<>(chinese);
        String prefix = type == Designation.class ? "device.designation." : type == DeviceType.class ? "device.type."
                : "medium.type.";
        for (E e : type.getEnumConstants()) {
            all.put(e.name(), e);
            all.put(e.name().replace('_', ' '), e);
            for (java.util.Locale l : List.of(java.util.Locale.ROOT, java.util.Locale.ENGLISH)) {
                String word = label(prefix + e.name(), l);
                if (word != null) {
                    all.putIfAbsent(word, e);
                }
            }
        }
        return CellParsers.choice(all, code, english);
    }

    // ------------------------------------------------------------ devices

    public static final SheetColumn<String> ASSET = SheetColumn.of("details.assetNumber", "资产编号", "Asset number",
            CellParsers.text(64)).mandatory().distinct().width(16).alias("设备编号", "编号");
    public static final SheetColumn<DeviceType> TYPE = SheetColumn.of("details.type", "设备类型", "Device type",
            words(DeviceType.class, Map.ofEntries(Map.entry("台式计算机", DeviceType.DESKTOP),
                    Map.entry("台式机", DeviceType.DESKTOP), Map.entry("便携式计算机", DeviceType.LAPTOP),
                    Map.entry("笔记本", DeviceType.LAPTOP), Map.entry("笔记本电脑", DeviceType.LAPTOP),
                    Map.entry("服务器", DeviceType.SERVER), Map.entry("打印机", DeviceType.PRINTER),
                    Map.entry("复印机", DeviceType.COPIER), Map.entry("传真机", DeviceType.FAX),
                    Map.entry("扫描仪", DeviceType.SCANNER), Map.entry("多功能一体机", DeviceType.MULTI_FUNCTION),
                    Map.entry("一体机", DeviceType.MULTI_FUNCTION), Map.entry("其他设备", DeviceType.OTHER),
                    Map.entry("其他", DeviceType.OTHER), Map.entry("Multi-function device", DeviceType.MULTI_FUNCTION)),
                    "sheet.device.type", "Not a device type: %s. Use 台式计算机, 便携式计算机, 服务器, 打印机, 复印机, 传真机,"
                            + " 扫描仪, 多功能一体机 or 其他设备."))
            .mandatory().width(12);
    public static final SheetColumn<String> BRAND = SheetColumn.of("details.brandModel", "品牌型号", "Brand and model",
            CellParsers.text(200)).width(18);
    public static final SheetColumn<String> SERIAL = SheetColumn.of("details.serialNumber", "序列号", "Serial number",
            CellParsers.text(100)).width(18).alias("设备序列号");
    public static final SheetColumn<List<String>> DISKS = SheetColumn.of("details.diskSerials", "硬盘序列号",
            "Disk serial numbers", DeviceSheet::list).width(22);
    public static final SheetColumn<List<String>> MACS = SheetColumn.of("details.macAddresses", "MAC", "MAC address",
            DeviceSheet::list).width(20).alias("MAC地址", "网卡地址");
    public static final SheetColumn<List<String>> IPS = SheetColumn.of("details.ipAddresses", "IP", "IP address",
            DeviceSheet::list).width(16).alias("IP地址");
    public static final SheetColumn<ClassificationLevel> LEVEL = SheetColumn.of("details.level", "密级",
            "Classification level", CellParsers.level()).width(8);
    public static final SheetColumn<String> NETWORK = SheetColumn.of("placement.networkId", "所属网络", "Network",
            CellParsers.text(200)).width(16).alias("接入网络");
    public static final SheetColumn<String> RESPONSIBLE = SheetColumn.of("placement.responsiblePersonId", "责任人",
            "Responsible person", CellParsers.text(100)).width(10).alias("使用人");
    public static final SheetColumn<String> DEPARTMENT = SheetColumn.of("placement.departmentId", "部门", "Department",
            CellParsers.text(100)).width(12).alias("使用部门", "所在部门");
    public static final SheetColumn<String> LOCATION = SheetColumn.of("placement.location", "存放地点", "Location",
            CellParsers.text(200)).width(16).alias("放置地点", "安装地点");
    public static final SheetColumn<String> PURPOSE = SheetColumn.of("details.purpose", "用途", "Purpose",
            CellParsers.text(200)).width(16);
    public static final SheetColumn<Designation> DESIGNATION = SheetColumn.of("details.designation", "设备类别",
            "Designation", words(Designation.class, Map.of("涉密", Designation.CLASSIFIED, "涉密计算机",
                    Designation.CLASSIFIED, "非涉密", Designation.NON_CLASSIFIED, "非涉密计算机", Designation.NON_CLASSIFIED,
                    "互联网", Designation.INTERNET, "互联网计算机", Designation.INTERNET, "Non-classified",
                    Designation.NON_CLASSIFIED),
                    "sheet.device.designation", "Not a designation: %s. Use 涉密, 非涉密 or 互联网."))
            .width(8);
    public static final SheetColumn<String> ADMISSION = SheetColumn.of("placement.admissionReference", "入网审批单号",
            "Admission reference", CellParsers.text(200)).width(16);
    public static final SheetColumn<String> OS = SheetColumn.of("details.operatingSystem", "操作系统",
            "Operating system", CellParsers.text(100)).width(14);

    /** Device columns read on import, in export order (序号 and 状态 are written only). */
    public static final List<SheetColumn<?>> DEVICES = List.of(ASSET, TYPE, BRAND, SERIAL, DISKS, MACS, IPS, LEVEL,
            NETWORK, RESPONSIBLE, DEPARTMENT, LOCATION, PURPOSE, DESIGNATION, ADMISSION, OS);

    // ------------------------------------------------------------ media

    public static final SheetColumn<MediumType> MEDIUM_TYPE = SheetColumn.of("type", "类型", "Type",
            words(MediumType.class, Map.of("U盘", MediumType.USB_FLASH_DRIVE, "优盘", MediumType.USB_FLASH_DRIVE,
                    "移动硬盘", MediumType.REMOVABLE_DISK, "光盘", MediumType.OPTICAL_DISC, "存储卡", MediumType.MEMORY_CARD,
                    "安全令牌", MediumType.SECURITY_TOKEN, "安全令牌（Key）", MediumType.SECURITY_TOKEN, "Key",
                    MediumType.SECURITY_TOKEN),
                    "sheet.medium.type", "Not a medium type: %s. Use U盘, 移动硬盘, 光盘, 存储卡 or 安全令牌."))
            .mandatory().width(10).alias("介质类型");
    public static final SheetColumn<ClassificationLevel> MEDIUM_LEVEL = SheetColumn.of("level", "密级",
            "Classification level", CellParsers.level()).mandatory().width(8);
    public static final SheetColumn<String> CAPACITY = SheetColumn.of("capacity", "容量", "Capacity",
            CellParsers.text(32)).width(8);
    public static final SheetColumn<String> USB = SheetColumn.of("usbSerial", "序列号(USB)", "USB serial",
            CellParsers.text(100)).distinct().width(22).alias("USB序列号");
    public static final SheetColumn<String> HOLDER = SheetColumn.of("holderPersonId", "持有人", "Holder",
            CellParsers.text(100)).width(10).alias("责任人", "使用人");
    public static final SheetColumn<List<String>> ALLOWED = SheetColumn.of("allowedDeviceIds", "可用设备",
            "Allowed devices", DeviceSheet::list).width(20).alias("绑定设备");
    public static final SheetColumn<String> MEDIUM_BRAND = SheetColumn.of("brandModel", "品牌型号", "Brand and model",
            CellParsers.text(200)).width(16);
    public static final SheetColumn<String> MEDIUM_SERIAL = SheetColumn.of("serialNumber", "序列号", "Serial number",
            CellParsers.text(100)).width(16);
    public static final SheetColumn<String> MEDIUM_PURPOSE = SheetColumn.of("purpose", "用途", "Purpose",
            CellParsers.text(200)).width(14);

    /** Medium columns read on import, in export order after 序号 and 编号 (the number is allocated by the ledger). */
    public static final List<SheetColumn<?>> MEDIA = List.of(MEDIUM_TYPE, MEDIUM_LEVEL, CAPACITY, USB, HOLDER, ALLOWED,
            MEDIUM_BRAND, MEDIUM_SERIAL, MEDIUM_PURPOSE);
    public static final String NUMBER_ZH = "编号";
    public static final String NUMBER_EN = "Number";
}
