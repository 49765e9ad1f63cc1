package org.baomi.server.carrier.web;

import org.baomi.core.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.baomi.core.carrier.Actor;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.KnowledgeScope;
import org.baomi.server.carrier.CarrierViews.ScopeNames;
import org.baomi.core.carrier.CarrierId;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.carrier.CarrierViews.Detail;
import org.baomi.server.carrier.CarrierViews.Ref;
import org.baomi.server.carrier.CarrierViews.TimelineEntry;
import org.baomi.server.platform.web.Flash;
import org.springframework.stereotype.Component;

/**
 * What the carrier pages write about times, places and events, in the reader's language. Days
 * and times are China Standard Time, as the ledger counts them (CarrierService).
 */
@Component
class CarrierLabels {

    private static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One line of the timeline: what happened, who did it and when, links to approvals and other carriers. */
    public record Line(int seq, String event, String kind, String at, String by, String text, Long approvalId, List<Ref> links,
            String struck, String marking) {
    }

    private final Flash messages;

    CarrierLabels(Flash messages) {
        this.messages = messages;
    }

    ZoneId zone() {
        return ZONE;
    }

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    /** The chip colour of a status: attention while it is away, muted once it has left the ledger. */
    public String statusClass(CarrierStatus status) {
        if (status == null) {
            return "muted";
        }
        return switch (status) {
            case IN_CUSTODY, ARCHIVED -> "ok";
            case CIRCULATING, ON_LOAN, CARRIED_OUT -> "warn";
            case LOST -> "bad";
            case CLEARED, DESTROYED -> "muted";
        };
    }

    public String storage(StoragePlace place) {
        return place == null ? "" : text("carrier.storage." + place.kind().name()) + " · " + place.name();
    }

    /**
     * The timeline as sentences, oldest first; copies and the original link to each other; scope
     * changes name people and departments from {@code names}.
     */
    List<Line> timeline(List<TimelineEntry> entries, Detail d, ScopeNames names) {
        Map<Long, String> serials = d.copies().stream().collect(Collectors.toMap(Ref::id, Ref::serial, (a, b) -> a));
        List<Line> out = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            out.add(e.event() instanceof CarrierEvent.ScopeChanged c ? scopeLine(e, c, names) : line(e, d, serials));
        }
        return out;
    }

    private Line scopeLine(TimelineEntry e, CarrierEvent.ScopeChanged c, ScopeNames names) {
        return new Line(e.seq(), e.kind(), text("carrier.event." + e.kind()), time(e.at()), e.by().name(),
                text("carrierhandover.tl.scope", scope(c.oldScope(), names), scope(c.newScope(), names), c.reason()),
                null, List.of(), null, null);
    }

    /** A scope in words: named people, then departments, each by name (by id when unknown). */
    String scope(KnowledgeScope s, ScopeNames names) {
        List<String> parts = new ArrayList<>();
        s.personIds().stream().sorted().map(id -> names.people().getOrDefault(id, "#" + id)).forEach(parts::add);
        s.departmentIds().stream().sorted().map(id -> names.departments().getOrDefault(id, "#" + id))
                .map(n -> text("carrierhandover.tl.department", n)).forEach(parts::add);
        return parts.isEmpty() ? text("carrierhandover.tl.emptyScope") : String.join("、", parts);
    }

    private Line line(TimelineEntry e, Detail d, Map<Long, String> serials) {
        String kind = text("carrier.event." + e.kind());
        String at = time(e.at());
        String by = e.by() == null ? "" : e.by().name();
        CarrierEvent ev = e.event();
        if (ev instanceof CarrierEvent.Registered r) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierpages.tl.registered", r.marking().format(), storage(r.storage())), null,
                    r.original().isPresent() && d.copiedFrom() != null ? List.of(d.copiedFrom()) : List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.CirculationStarted c) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text(c.urgent() ? "carrierpages.tl.circulationUrgent" : "carrierpages.tl.circulation",
                            names(c.route()), c.due().toString()), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.SignedAsRead s) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierpages.tl.signed", by, at), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.CirculationEnded c) {
            return new Line(e.seq(), e.kind(), kind, at, by, c.recalled()
                    ? text("carrierpages.tl.recalled", c.recallReason(), names(c.unsigned()))
                    : text("carrierpages.tl.ended"), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Lent l) {
            return l.fromArchive()
                    ? new Line(e.seq(), e.kind(), text("carrierarchive.event.retrieved"), at, by,
                            text("carrierarchive.tl.retrieved", l.to().name(), l.due().toString()), null, List.of(),
                            null, null)
                    : new Line(e.seq(), e.kind(), kind, at, by,
                            text("carrierpages.tl.lent", l.to().name(), l.due().toString()), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Returned r) {
            return r.toArchive()
                    ? new Line(e.seq(), e.kind(), text("carrierarchive.event.returnedToArchive"), at, by,
                            text("carrierarchive.tl.returnedToArchive", r.borrower().name()), null, List.of(), null, null)
                    : new Line(e.seq(), e.kind(), kind, at, by,
                            text("carrierpages.tl.returned", r.borrower().name()), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.CarriedOut c) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierpages.tl.carriedOut", c.returnBy().toString()), c.approval().requestId(), List.of(),
                    null, null);
        }
        if (ev instanceof CarrierEvent.BroughtBack b) {
            return new Line(e.seq(), e.kind(), kind, at, by, "", null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Copied c) {
            return new Line(e.seq(), e.kind(), kind, at, by, c.originatorConsent()
                    .map(x -> text("carrierpages.tl.copiedConsent", c.copies().size(), x.authority(), x.reference()))
                    .orElseGet(() -> text("carrierpages.tl.copied", c.copies().size())), c.approval().requestId(),
                    c.copies().stream().map(CarrierId::value).map(id -> new Ref(id, serials.getOrDefault(id, "#" + id)))
                            .toList(), null, null);
        }
        if (ev instanceof CarrierEvent.Moved m) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierpages.tl.moved", storage(m.from()), storage(m.to())), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Archived a) {
            return new Line(e.seq(), e.kind(), kind, at, by, "", null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Cleared c) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierpages.tl.cleared", c.issuer(), c.receipt()), null, List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Destroyed x) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierpages.tl.destroyed", x.record().batch()), x.record().approval().requestId(), List.of(),
                    null, null);
        }
        if (ev instanceof CarrierEvent.Lost l) {
            return new Line(e.seq(), e.kind(), kind, at, by, text("carrierpages.tl.lost", l.note()), null,
                    List.of(), null, null);
        }
        if (ev instanceof CarrierEvent.Reclassified r) {
            return new Line(e.seq(), e.kind(), kind, at, by, "", r.approval().requestId(), List.of(),
                    r.oldMarking().format(), r.newMarking().format());
        }
        if (ev instanceof CarrierEvent.Declassified x) {
            return new Line(e.seq(), e.kind(), kind, at, by, "", x.approval().requestId(), List.of(),
                    x.oldMarking().format(), text("carrierpages.declassified"));
        }
        if (ev instanceof CarrierEvent.HandedOver h) {
            return new Line(e.seq(), e.kind(), kind, at, by,
                    text("carrierhandover.tl.handedOver", h.from().name(), h.to().name(), h.reason()), null, List.of(),
                    null, null);
        }
        throw new IllegalStateException("unknown carrier event " + e.kind());
    }

    private static String names(List<Actor> actors) {
        return actors.stream().map(Actor::name).collect(Collectors.joining(" → "));
    }

    /** A refusal in the reader's language (its code's message with its arguments, else its English text). */
    public String problem(org.springframework.context.MessageSourceResolvable r) {
        return messages.text(r.getCodes()[0], r.getDefaultMessage(), r.getArguments());
    }

    /** A message of the pages' bundles (or of A's carrier bundle), with arguments. */
    String text(String key, Object... args) {
        return messages.text(key, key, args);
    }

}
