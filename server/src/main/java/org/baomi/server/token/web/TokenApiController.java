package org.baomi.server.token.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.baomi.server.token.IssuedToken;
import org.baomi.server.token.TokenService;
import org.baomi.server.token.TokenView;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens over the API (security administrator, in a session: officers get no tokens). */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for machine clients; the token is shown once")
class TokenApiController {

    /** Scopes by code (org:read, org:write, business:read, approvals); expiresOn is the last valid day. */
    record NewToken(Long accountId, String name, List<String> scopes, LocalDate expiresOn) {
    }

    private final TokenService tokens;

    TokenApiController(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Requires(Permission.TOKEN_MANAGE)
    @Operation(summary = "List tokens", description = "Prefix, account, scopes, dates and status; never the token.")
    List<TokenView> list() {
        return tokens.list();
    }

    @PostMapping
    @Requires(Permission.TOKEN_MANAGE)
    @Operation(summary = "Issue a token", description = "201 with the token in this answer only. Officer accounts are refused (400 on accountId).")
    ResponseEntity<IssuedToken> issue(@RequestBody NewToken body, @AuthenticationPrincipal BaomiUser user) {
        IssuedToken issued = tokens.issue(body.accountId(), body.name(), TokenService.parseScopes(body.scopes()),
                body.expiresOn(), user.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).cacheControl(CacheControl.noStore())
                .body(issued);
    }

    @DeleteMapping("/{id}")
    @Requires(Permission.TOKEN_MANAGE)
    @Operation(summary = "Revoke a token", description = "The token is refused from its next request on; the record stays for the audit.")
    TokenView revoke(@PathVariable long id) {
        return tokens.revoke(id);
    }
}
