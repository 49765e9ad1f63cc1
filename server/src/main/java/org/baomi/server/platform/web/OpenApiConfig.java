package org.baomi.server.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at /v3/api-docs describes /api/v1 and its bearer tokens. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Baomi API", version = "v1",
                description = "Confidentiality-work management. JSON; errors are application/problem+json with a"
                        + " `code` and, for invalid input, `errors[]` naming each field. Every call is authorised by"
                        + " the caller's roles; bearer tokens are further limited to their scopes.",
                license = @License(name = "Apache-2.0")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token issued by the security administrator: Authorization: Bearer bm_…")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = io.swagger.v3.oas.annotations.enums.SecuritySchemeIn.COOKIE,
        paramName = "SESSION", description = "The browser session of a signed-in user (unsafe methods also need the X-CSRF-TOKEN header)")
class OpenApiConfig {
}
