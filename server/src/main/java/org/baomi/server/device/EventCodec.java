package org.baomi.server.device;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.device.lifecycle.DeviceEvent;
import org.baomi.core.device.lifecycle.MediumEvent;
import org.baomi.server.device.DeviceRepository.StoredEvent;
import org.baomi.server.device.DeviceViews.HistoryEntry;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores lifecycle events as JSON (the event record's components) under their record's simple
 * name, and reads them back. A stored kind no event type has any more fails loudly on restore.
 */
@Component
class EventCodec {

    private final JsonMapper json;

    EventCodec(JsonMapper json) {
        this.json = json;
    }

    String kind(Object event) {
        return event.getClass().getSimpleName();
    }

    String write(Object event) {
        return json.writeValueAsString(event);
    }

    List<DeviceEvent> deviceEvents(List<StoredEvent> stored) {
        return stored.stream().map(e -> (DeviceEvent) json.readValue(e.payload(), type(DeviceEvent.class, e.kind())))
                .toList();
    }

    List<MediumEvent> mediumEvents(List<StoredEvent> stored) {
        return stored.stream().map(e -> (MediumEvent) json.readValue(e.payload(), type(MediumEvent.class, e.kind())))
                .toList();
    }

    /** The history as pages show it: each event's fields but who and when, which have their own columns. */
    List<HistoryEntry> history(List<StoredEvent> stored) {
        return stored.stream().map(e -> {
            Map<String, Object> details = new LinkedHashMap<>(json.readValue(e.payload(),
                    new TypeReference<Map<String, Object>>() { }));
            details.remove("by");
            details.remove("at");
            details.remove("approval");
            return new HistoryEntry(e.seq(), e.kind(), e.at(), e.byName(), e.approvalRequestId(), details);
        }).toList();
    }

    private static Class<?> type(Class<?> sealed, String kind) {
        return Arrays.stream(sealed.getPermittedSubclasses()).filter(c -> c.getSimpleName().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown " + sealed.getSimpleName() + " kind " + kind));
    }
}
