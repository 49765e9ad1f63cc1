package org.baomi.server.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account (or the account behind an API token). Authorities are
 * {@link Permission} names; roles and their unit scopes are kept for scope checks.
 */
public final class BaomiUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final Long personId;
    private final Long unitId;
    private final Set<RoleGrant> grants;
    private final Set<Permission> permissions;
    private final boolean passwordChangeRequired;
    private final boolean locked;
    private final boolean active;
    private final String locale;
    private String passwordHash;

    public BaomiUser(long accountId, String username, String displayName, Long personId, Long unitId,
            Set<RoleGrant> grants, Set<Permission> permissions, boolean passwordChangeRequired, boolean locked,
            boolean active, String locale, String passwordHash) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.personId = personId;
        this.unitId = unitId;
        this.grants = Set.copyOf(grants);
        this.permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        this.passwordChangeRequired = passwordChangeRequired;
        this.locked = locked;
        this.active = active;
        this.locale = locale;
        this.passwordHash = passwordHash;
    }

    public long accountId() { return accountId; }
    public String displayName() { return displayName; }
    public Long personId() { return personId; }
    /** The unit the account belongs to (its person's unit, else its first grant's unit). */
    public Long unitId() { return unitId; }
    public Set<RoleGrant> grants() { return grants; }
    public Set<Permission> permissions() { return permissions; }
    public boolean passwordChangeRequired() { return passwordChangeRequired; }
    public String locale() { return locale; }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public Set<Role> roles() {
        return grants.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Units in which this account holds {@code role}. */
    public Set<Long> unitsWhere(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(RoleGrant::unitId).collect(Collectors.toSet());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return permissions.stream().map(p -> new SimpleGrantedAuthority(p.name())).toList();
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isAccountNonLocked() { return !locked; }

    @Override
    public boolean isEnabled() { return active; }

    @Override
    public void eraseCredentials() { passwordHash = null; }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaomiUser other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return username;
    }
}
