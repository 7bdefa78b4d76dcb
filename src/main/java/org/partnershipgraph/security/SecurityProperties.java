package org.partnershipgraph.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may sign in and how, and the limits every request must keep to.
 *
 * @param mode  {@code PUBLIC} (default): nobody signs in, everything is read as PUBLIC;
 *              {@code LOCAL}: the named users below sign in with HTTP Basic (development and tests);
 *              {@code JWT}: OAuth2 bearer tokens from the issuer in
 *              {@code spring.security.oauth2.resourceserver.jwt.*}, which must name the audience
 *              and have the issuer checked ({@link SecurityConfig#requireSafeJwt})
 * @param jwt   claim names for JWT mode
 * @param users named users for LOCAL mode, by user name
 * @param cors  origins of the portal front-ends allowed to call the API from a browser
 * @param limits request limits
 */
@ConfigurationProperties("partnership.security")
public record SecurityProperties(
        @DefaultValue("PUBLIC") Mode mode,
        @DefaultValue Jwt jwt,
        Map<String, LocalUser> users,
        @DefaultValue Cors cors,
        @DefaultValue Limits limits) {

    /** How users sign in. */
    public enum Mode { PUBLIC, LOCAL, JWT }

    /**
     * Claim names of JWT mode.
     *
     * @param rolesClaim  claim holding the role names (a string or a list: PARTNER, SECRETARIAT, AUDITOR, ADMIN)
     * @param boardsClaim claim holding a secretariat's board ids (a list)
     * @param nameClaim   claim naming the user for the audit trail
     * @param issuer      the {@code iss} every token must carry, for key sources that do not check it
     *                    themselves: {@code public-key-location} (Spring Boot ignores that key when
     *                    {@code issuer-uri} is set) or {@code jwk-set-uri} without {@code issuer-uri}
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("boards") String boardsClaim,
            @DefaultValue("sub") String nameClaim, String issuer) {
    }

    /**
     * A named user of LOCAL mode.
     *
     * @param password the password ({@code {noop}} is implied when no encoder prefix is given)
     * @param role     the role
     * @param boards   the boards a secretariat serves
     */
    public record LocalUser(String password, Role role, List<String> boards) {
    }

    /**
     * Browser origins allowed by CORS.
     *
     * @param allowedOrigins exact origins, for example {@code https://portal.example.org}
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * Request limits.
     *
     * @param maxDepth      deepest field nesting of a query
     * @param maxComplexity most field selections, each counted once per item a {@code first} argument may return
     * @param maxAliases    most aliased fields in one request
     * @param maxBody       largest request body
     * @param maxResultNodes most fields and list items one execution may produce; counted while it
     *                       runs, as lists without {@code first} cannot be sized beforehand
     */
    public record Limits(@DefaultValue("15") int maxDepth, @DefaultValue("10000") int maxComplexity,
            @DefaultValue("30") int maxAliases, @DefaultValue("64KB") DataSize maxBody,
            @DefaultValue("100000") int maxResultNodes) {
    }
}
