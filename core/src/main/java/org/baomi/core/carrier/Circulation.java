package org.baomi.core.carrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A circulation under way: the route of readers in order, who has signed so far, and when it is
 * due back.
 */
public record Circulation(List<Actor> route, List<Actor> signed, LocalDate due, boolean urgent) {

    public Circulation {
        route = List.copyOf(route);
        signed = List.copyOf(signed);
    }

    /** The reader whose turn it is to sign; empty once everyone has signed. */
    public Optional<Actor> nextReader() {
        return signed.size() < route.size() ? Optional.of(route.get(signed.size())) : Optional.empty();
    }

    public boolean allSigned() {
        return signed.size() == route.size();
    }

    /** Readers who have not signed yet, in route order. */
    public List<Actor> unsigned() {
        return route.subList(signed.size(), route.size());
    }

    Circulation sign(Actor reader) {
        List<Actor> more = new ArrayList<>(signed);
        more.add(reader);
        return new Circulation(route, more, due, urgent);
    }
}
