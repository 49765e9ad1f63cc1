package org.baomi.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Comparator;
import org.baomi.core.audit.AuditChain;
import org.baomi.core.audit.AuditEntry;
import org.baomi.core.audit.ChainHead;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.security.BaomiUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit entries. {@link #record} joins the caller's transaction (it refuses to run
 * without one), so a change and its audit entry commit or roll back together.
 */
@Service
public class AuditLog {

    /** Who acted: account name, the role he acted in, his unit, and the client address. */
    public record Actor(String username, String role, Long unitId, String clientAddress) {
        public static Actor system() {
            return new Actor("system", null, null, null);
        }
    }

    private final AuditRepository repository;
    private final AuditChain chain;
    private final Clock clock;
    private final JsonMapper json;

    AuditLog(AuditRepository repository, AuditChain chain, Clock clock, JsonMapper json) {
        this.repository = repository;
        this.chain = chain;
        this.clock = clock;
        this.json = json;
    }

    /** Records an action by the current user on an object; {@code before}/{@code after} are serialised as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, Object before, Object after) {
        recordAs(currentActor(), action, objectType, objectId, before, after);
    }

    /**
     * Records that the current user viewed a record, as action {@code <objectType>.view}. Every
     * view of a classified record must be on the record (SPEC §6): call this from the service
     * method that reads it for display or export, for example
     * {@code auditLog.recordView("carrier", carrierId)} in {@code CarrierService.get}.
     * It joins the caller's transaction, or opens one when there is none; the caller's
     * transaction must not be read-only, since the entry is a write.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordView(String objectType, Object objectId) {
        if (objectType == null || objectType.isBlank()) {
            throw new IllegalArgumentException("objectType must name the kind of record viewed");
        }
        recordAs(currentActor(), objectType + ".view", objectType, objectId, null, null);
    }

    /** Records an action by a given actor (login events, system tasks). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(Actor actor, String action, String objectType, Object objectId, Object before, Object after) {
        ChainHead head = repository.lockHead().orElseGet(() -> {
            // First entry ever: create the head (racing nodes collide on its key) and lock it.
            repository.initialiseHead(chain.headFor(new AuditEntry(0, clock.instant(), null, null, null, "genesis",
                    null, null, null, null, null, AuditChain.GENESIS, AuditChain.GENESIS)));
            return repository.lockHead().orElseThrow();
        });
        AuditEntry entry = chain.append(AuditEntry.unsealed(clock.instant(), actor.username(), actor.role(),
                actor.unitId(), action, objectType, objectId == null ? null : objectId.toString(), toJson(before),
                toJson(after), actor.clientAddress()), head);
        repository.insert(entry);
        repository.updateHead(chain.headFor(entry));
    }

    /** The signed-in user as an audit actor; "anonymous" outside a login. */
    public static Actor currentActor() {
        return actorOf(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The actor behind an authentication (a login event's, before it reaches the security
     * context): his name, the first of his roles, his unit, the client address.
     */
    public static Actor actorOf(Authentication auth) {
        String address = clientAddress();
        if (auth != null && auth.getPrincipal() instanceof BaomiUser user) {
            String role = user.grants().stream().map(RoleGrant::role).min(Comparator.naturalOrder())
                    .map(Enum::name).orElse(null);
            return new Actor(user.getUsername(), role, user.unitId(), address);
        }
        return new Actor(auth == null ? "anonymous" : auth.getName(), null, null, address);
    }

    public static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        return json.writeValueAsString(value);
    }
}
