package org.baomi.core.device.compliance;

import java.util.List;
import java.util.Locale;
import org.baomi.core.device.DeviceClass;

/**
 * Wording helpers for the English sentences of violations. Message args stay machine values
 * (ledger text, enum constant names) for the UI's bundles to translate; only the English
 * sentence uses these words.
 */
final class English {

    private English() {
    }

    /** {@code SECRET}, {@code non-classified}, {@code Internet}. */
    static String deviceClass(DeviceClass deviceClass) {
        if (deviceClass instanceof DeviceClass.Classified) {
            return deviceClass.level().name();
        }
        return deviceClass instanceof DeviceClass.Internet ? "Internet" : "non-classified";
    }

    /** {@code USB_STORAGE_BLOCKED} → {@code USB storage blocked}. */
    static String words(Enum<?> value) {
        String lower = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return lower.replace("usb", "USB").replace("ip ", "IP ").replace("mac ", "MAC ");
    }

    /** {@code a, b or c} (with {@code conjunction} "or" or "and"). */
    static String list(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }

    /** {@code once}, {@code 2 times}. */
    static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
