package org.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.carrier.Actor;
import org.baomi.core.carrier.ApprovalRef;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierEvent.*;
import org.baomi.core.carrier.CarrierId;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.carrier.KnowledgeScope;
import org.baomi.core.carrier.OriginatorConsent;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.Marking;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link CarrierEvent} as a type name and a JSON payload of its fields (without who and
 * when, which have columns of their own) and reads it back. Written by hand, field by field, so
 * that renaming a record component never silently changes what stored histories mean; markings
 * are stored as their marking string ({@link Marking#format()}, which {@link Marking#parse} reads).
 */
@Component
class CarrierEventCodec {

    /** A stored event: type, who, when, payload. */
    record Stored(String type, Instant at, long actorId, String actorName, String payload) {
    }

    private final JsonMapper json;

    CarrierEventCodec(JsonMapper json) {
        this.json = json;
    }

    Stored encode(CarrierEvent e) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (e instanceof Registered r) {
            p.put("marking", r.marking().format());
            p.put("storage", place(r.storage()));
            p.put("copiedFrom", r.copiedFrom() == null ? null : r.copiedFrom().value());
        } else if (e instanceof CirculationStarted c) {
            p.put("route", actors(c.route()));
            p.put("due", c.due().toString());
            p.put("urgent", c.urgent());
        } else if (e instanceof CirculationEnded c) {
            p.put("recallReason", c.recallReason());
            p.put("unsigned", actors(c.unsigned()));
        } else if (e instanceof Lent l) {
            p.put("to", actor(l.to()));
            p.put("due", l.due().toString());
            if (l.fromArchive()) {
                p.put("fromArchive", true);
            }
        } else if (e instanceof Returned r) {
            p.put("borrower", actor(r.borrower()));
            if (r.toArchive()) {
                p.put("toArchive", true);
            }
        } else if (e instanceof CarriedOut c) {
            p.put("approval", c.approval().requestId());
            p.put("returnBy", c.returnBy().toString());
        } else if (e instanceof Copied c) {
            p.put("approval", c.approval().requestId());
            p.put("copies", c.copies().stream().map(CarrierId::value).toList());
            if (c.consent() != null) {
                p.put("consentAuthority", c.consent().authority());
                p.put("consentReference", c.consent().reference());
            }
        } else if (e instanceof Moved m) {
            p.put("from", place(m.from()));
            p.put("to", place(m.to()));
        } else if (e instanceof Cleared c) {
            p.put("receipt", c.receipt());
            p.put("issuer", c.issuer());
        } else if (e instanceof Destroyed d) {
            DestructionRecord r = d.record();
            p.put("batch", r.batch());
            p.put("approval", r.approval().requestId());
            p.put("method", r.method().name());
            p.put("requester", actor(r.requester()));
            p.put("supervisors", actors(r.supervisors()));
        } else if (e instanceof Lost l) {
            p.put("note", l.note());
        } else if (e instanceof Reclassified r) {
            p.put("oldMarking", r.oldMarking().format());
            p.put("newMarking", r.newMarking().format());
            p.put("approval", r.approval().requestId());
        } else if (e instanceof Declassified d) {
            p.put("oldMarking", d.oldMarking().format());
            p.put("approval", d.approval().requestId());
        } else if (e instanceof HandedOver h) {
            p.put("from", actor(h.from()));
            p.put("to", actor(h.to()));
            p.put("reason", h.reason());
        } else if (e instanceof ScopeChanged c) {
            p.put("old", scope(c.oldScope()));
            p.put("new", scope(c.newScope()));
            p.put("reason", c.reason());
        } else if (!(e instanceof SignedAsRead || e instanceof BroughtBack || e instanceof Archived)) {
            throw new IllegalStateException("no encoding for " + e.getClass().getSimpleName());
        }
        return new Stored(e.getClass().getSimpleName(), e.at(), e.by().personId(), e.by().name(),
                json.writeValueAsString(p));
    }

    @SuppressWarnings("unchecked")
    CarrierEvent decode(Stored s) {
        Map<String, Object> p = json.readValue(s.payload(), Map.class);
        Actor by = new Actor(s.actorId(), s.actorName());
        Instant at = s.at();
        return switch (s.type()) {
            case "Registered" -> new Registered(by, at, Marking.parse(str(p, "marking")), place(p.get("storage")),
                    p.get("copiedFrom") == null ? null : new CarrierId(num(p, "copiedFrom")));
            case "CirculationStarted" -> new CirculationStarted(by, at, actors(p.get("route")), date(p, "due"),
                    Boolean.TRUE.equals(p.get("urgent")));
            case "SignedAsRead" -> new SignedAsRead(by, at);
            case "CirculationEnded" -> new CirculationEnded(by, at, str(p, "recallReason"), actors(p.get("unsigned")));
            case "Lent" -> new Lent(by, at, actor(p.get("to")), date(p, "due"), Boolean.TRUE.equals(p.get("fromArchive")));
            case "Returned" -> new Returned(by, at, actor(p.get("borrower")), Boolean.TRUE.equals(p.get("toArchive")));
            case "CarriedOut" -> new CarriedOut(by, at, new ApprovalRef(num(p, "approval")), date(p, "returnBy"));
            case "BroughtBack" -> new BroughtBack(by, at);
            case "Copied" -> new Copied(by, at, new ApprovalRef(num(p, "approval")),
                    ((List<Number>) p.get("copies")).stream().map(n -> new CarrierId(n.longValue())).toList(),
                    p.get("consentAuthority") == null ? null
                            : new OriginatorConsent(str(p, "consentAuthority"), str(p, "consentReference")));
            case "Moved" -> new Moved(by, at, place(p.get("from")), place(p.get("to")));
            case "Archived" -> new Archived(by, at);
            case "Cleared" -> new Cleared(by, at, str(p, "receipt"), str(p, "issuer"));
            case "Destroyed" -> new Destroyed(by, at, new DestructionRecord(str(p, "batch"),
                    new ApprovalRef(num(p, "approval")), DestructionRecord.Method.valueOf(str(p, "method")),
                    actor(p.get("requester")), actors(p.get("supervisors"))));
            case "Lost" -> new Lost(by, at, str(p, "note"));
            case "Reclassified" -> new Reclassified(by, at, Marking.parse(str(p, "oldMarking")),
                    Marking.parse(str(p, "newMarking")), new ApprovalRef(num(p, "approval")));
            case "Declassified" -> new Declassified(by, at, Marking.parse(str(p, "oldMarking")),
                    new ApprovalRef(num(p, "approval")));
            case "HandedOver" -> new HandedOver(by, at, actor(p.get("from")), actor(p.get("to")), str(p, "reason"));
            case "ScopeChanged" -> new ScopeChanged(by, at, scope(p.get("old")), scope(p.get("new")), str(p, "reason"));
            default -> throw new IllegalStateException("unknown carrier event type " + s.type());
        };
    }

    private static Map<String, Object> place(StoragePlace place) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", place.kind().name());
        m.put("name", place.name());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static StoragePlace place(Object o) {
        Map<String, Object> m = (Map<String, Object>) o;
        return new StoragePlace(StoragePlace.Kind.valueOf((String) m.get("kind")), (String) m.get("name"));
    }

    /** A scope as sorted id lists, so that the same scope is always written the same way. */
    private static Map<String, Object> scope(KnowledgeScope scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("people", scope.personIds().stream().sorted().toList());
        m.put("departments", scope.departmentIds().stream().sorted().toList());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static KnowledgeScope scope(Object o) {
        Map<String, Object> m = (Map<String, Object>) o;
        return KnowledgeScope.of(((List<Number>) m.get("people")).stream().map(Number::longValue).toList(),
                ((List<Number>) m.get("departments")).stream().map(Number::longValue).toList());
    }

    private static Map<String, Object> actor(Actor a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.personId());
        m.put("name", a.name());
        return m;
    }

    private static List<Map<String, Object>> actors(List<Actor> actors) {
        return actors.stream().map(CarrierEventCodec::actor).toList();
    }

    @SuppressWarnings("unchecked")
    private static Actor actor(Object o) {
        Map<String, Object> m = (Map<String, Object>) o;
        return new Actor(((Number) m.get("id")).longValue(), (String) m.get("name"));
    }

    @SuppressWarnings("unchecked")
    private static List<Actor> actors(Object o) {
        List<Actor> out = new ArrayList<>();
        for (Object a : (List<Object>) o) {
            out.add(actor(a));
        }
        return out;
    }

    private static String str(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).longValue();
    }

    private static LocalDate date(Map<String, Object> p, String key) {
        return LocalDate.parse(str(p, key));
    }
}
