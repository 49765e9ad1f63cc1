package org.baomi.server.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.MediumStatus;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Refusals in the reader's language. The core names statuses, levels and approval states as enum
 * constants in a refusal's arguments; before a refusal leaves the services each such argument
 * becomes a {@link MessageSourceResolvable} of its label ({@code device.status.*},
 * {@code medium.status.*}, {@code level.*}, {@code approval.status.*}), and the list of statuses
 * {@code device.wrongStatus} names ({@code IN_USE,IN_MAINTENANCE}) a list of labels joined by
 * {@code device.statusList.more} and {@code device.statusList.last}; the request types
 * {@code device.request.wrongType} names become {@code approval.type.*}. Any message source shows
 * them: the API's problem details, the pages' flash messages, field errors.
 */
final class Refusals {

    private Refusals() {
    }

    /** Runs {@code body}; a refusal comes out with its arguments as labels. */
    static <T> T inWords(Supplier<T> body) {
        try {
            return body.get();
        } catch (DomainException e) {
            throw readable(e);
        }
    }

    /** {@code e} with its enum arguments as labels; {@code e} itself when it has none. */
    static DomainException readable(DomainException e) {
        Object[] args = args(e);
        return Arrays.equals(args, e.args()) ? e : new DomainException(e.code(), e.getMessage(), args);
    }

    /** The arguments of {@code e}, enum constants as labels (for a field problem made of a refusal). */
    static Object[] args(DomainException e) {
        Object[] args = e.args().clone();
        for (int i = 0; i < args.length; i++) {
            if ("device.wrongStatus".equals(e.code()) && i == 2 && args[i] instanceof String list) {
                args[i] = statusList(list);
            } else if ("device.request.wrongType".equals(e.code()) && i > 0 && args[i] instanceof String type) {
                args[i] = new DefaultMessageSourceResolvable(new String[] {"approval.type." + type}, type);
            } else {
                args[i] = label(args[i]);
            }
        }
        return args;
    }

    /** The label of a status, level or approval state; any other value as it is. */
    static Object label(Object arg) {
        String key = arg instanceof DeviceStatus s ? "device.status." + s.name()
                : arg instanceof MediumStatus s ? "medium.status." + s.name()
                : arg instanceof ClassificationLevel l ? "level." + l.name()
                : arg instanceof ApprovalStatus s ? "approval.status." + s.name() : null;
        return key == null ? arg : new DefaultMessageSourceResolvable(new String[] {key}, ((Enum<?>) arg).name());
    }

    /** {@code A,B,C} as "A、B或C" / "A, B or C"; a list that is not of device statuses stays as it is. */
    static Object statusList(String names) {
        List<MessageSourceResolvable> labels = new ArrayList<>();
        for (String name : names.split(",")) {
            try {
                labels.add((MessageSourceResolvable) label(DeviceStatus.valueOf(name.strip())));
            } catch (IllegalArgumentException notAStatus) {
                return names;
            }
        }
        MessageSourceResolvable joined = labels.get(labels.size() - 1);
        for (int i = labels.size() - 2; i >= 0; i--) {
            String key = i == labels.size() - 2 ? "device.statusList.last" : "device.statusList.more";
            joined = new DefaultMessageSourceResolvable(new String[] {key}, new Object[] {labels.get(i), joined},
                    labels.get(i).getDefaultMessage() + ", " + joined.getDefaultMessage());
        }
        return joined;
    }
}
