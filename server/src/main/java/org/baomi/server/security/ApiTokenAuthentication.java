package org.baomi.server.security;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API request authenticated by a bearer token. Never stored in a session. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final BaomiUser user;
    private final long tokenId;

    ApiTokenAuthentication(BaomiUser user, long tokenId) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public BaomiUser getPrincipal() {
        return user;
    }
}
