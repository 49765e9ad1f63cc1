package org.baomi.server.device.web;

import org.baomi.core.ChinaTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Small formatting the device templates call as {@code @devicePageText}: times in the office's
 * zone, an event's recorded details as one line.
 */
@Component("devicePageText")
public class DevicePageText {

    static final ZoneId ZONE = ChinaTime.ZONE;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** One recorded fact of an event; {@code flag} is set for yes/no facts, {@code value} otherwise. */
    public record Fact(String key, String value, Boolean flag) {
    }

    /**
     * An event's facts for people: ids left out (the names are recorded beside them), a person as
     * his name, nested records (storage disposal, destruction) flattened into their own facts,
     * empty values left out. The template labels each key through {@code devices.history.field.*}.
     */
    public List<Fact> facts(Map<String, Object> details) {
        List<Fact> facts = new ArrayList<>();
        if (details != null) {
            details.forEach((k, v) -> add(facts, k, v));
        }
        return facts;
    }

    @SuppressWarnings("unchecked")
    private static void add(List<Fact> facts, String key, Object value) {
        if (value == null || key.endsWith("Id") || key.equals("number")) {
            return;
        }
        if (value instanceof Boolean b) {
            facts.add(new Fact(key, null, b));
        } else if (value instanceof Map<?, ?> m) {
            if (m.containsKey("name")) {
                add(facts, key, m.get("name"));
            } else {
                ((Map<String, Object>) m).forEach((k, v) -> add(facts, k, v));
            }
        } else if (value instanceof Collection<?> c) {
            String joined = c.stream().map(x -> x instanceof Map<?, ?> m && m.containsKey("name")
                    ? String.valueOf(m.get("name")) : String.valueOf(x)).collect(Collectors.joining(", "));
            add(facts, key, joined);
        } else if (!String.valueOf(value).isBlank()) {
            facts.add(new Fact(key, String.valueOf(value), null));
        }
    }
}
