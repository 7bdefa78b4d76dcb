package org.partnershipgraph.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partnershipgraph.graphql.ErrorCode;
import org.partnershipgraph.graphql.GraphQlErrorResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless HTTP security: who signs in (nobody, named local users, or JWT bearer tokens, per
 * {@link SecurityProperties#mode()}), CORS for the portal origins, and GraphQL-shaped 401 and 403
 * responses. What each role may read or change is decided per field and per operation, not per URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    private static final String JWT_PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, GraphQlProperties graphQl,
            ObjectProvider<UserDetailsService> users, ObjectProvider<OAuth2ResourceServerProperties> resourceServer,
            JsonMapper jsonMapper, Environment environment) throws Exception {
        requireConsistent(properties, environment.getProperty("server.address"));
        if (properties.mode() == SecurityProperties.Mode.JWT) {
            requireSafeJwt(properties.jwt(), resourceServer.getObject().getJwt());
        }
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> GraphQlErrorResponses.write(response, 401,
                ErrorType.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, ex instanceof InsufficientAuthenticationException
                        ? "Sign in to read this: it is not public."
                        : "Authentication failed: " + ex.getMessage() + ". Sign in again, or send no credentials to read public data.",
                Map.of());
        AccessDeniedHandler forbidden = (request, response, ex) -> GraphQlErrorResponses.write(response, 403,
                ErrorType.FORBIDDEN, ErrorCode.FORBIDDEN, "Your role may not do this.", Map.of());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(corsSource(properties, graphQl.getHttp().getPath())))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterAfter(new GraphQlRequestFilter(jsonMapper, properties.limits().maxBody().toBytes(),
                        graphQl.getHttp().getPath()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(graphQl.getHttp().getPath(), graphQl.getGraphiql().getPath(),
                                graphQl.getGraphiql().getPath() + "/**", "/actuator/health", "/actuator/health/**",
                                "/actuator/info", "/actuator/prometheus", "/error")
                        .permitAll()
                        .requestMatchers("/export/**").hasAnyAuthority(Access.PARTNER.authorities())
                        .anyRequest().denyAll());
        switch (properties.mode()) {
            case LOCAL -> http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                    .userDetailsService(users.getObject());
            case JWT -> http.httpBasic(basic -> basic.disable())
                    .oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(unauthenticated)
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter(properties.jwt()))));
            case PUBLIC -> http.httpBasic(basic -> basic.disable());
        }
        return http.build();
    }

    /**
     * No Spring Security observations: they wrap every filter of every request in an observation
     * (an event and a counter lookup per filter) and show nothing the HTTP and GraphQL request
     * timings do not.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService localUsers(SecurityProperties properties) {
        List<UserDetails> details = new ArrayList<>();
        if (properties.mode() == SecurityProperties.Mode.LOCAL && properties.users() != null) {
            properties.users().forEach((name, user) -> {
                List<GrantedAuthority> authorities = new ArrayList<>();
                authorities.add(new SimpleGrantedAuthority(user.role().authority()));
                if (user.boards() != null) {
                    user.boards().forEach(b -> authorities.add(new SimpleGrantedAuthority(CurrentUsers.BOARD_PREFIX + b)));
                }
                String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
                details.add(User.withUsername(name).password(password).authorities(authorities).build());
            });
        }
        return new InMemoryUserDetailsManager(details);
    }

    /**
     * Named users sign in only in LOCAL mode, whose documented passwords are public, and only on a
     * loopback address ({@code serverAddress}, {@code server.address}): configured users in any
     * other mode, or on a server listening beyond the machine (or on every address, when
     * {@code server.address} is unset), stop the start, so no instance faces a network with a
     * known password.
     */
    static void requireConsistent(SecurityProperties properties, String serverAddress) {
        boolean hasUsers = properties.users() != null && !properties.users().isEmpty();
        if (hasUsers && properties.mode() != SecurityProperties.Mode.LOCAL) {
            throw new IllegalStateException("partnership.security.users is set, but partnership.security.mode is "
                    + properties.mode() + ": named users with passwords are for LOCAL mode only. Remove them, or use "
                    + "JWT mode with an identity provider.");
        }
        if (hasUsers && !isLoopback(serverAddress)) {
            throw new IllegalStateException("partnership.security.mode is LOCAL with named users, whose passwords are "
                    + "public, but server.address is " + (StringUtils.hasText(serverAddress) ? serverAddress : "unset (every address)")
                    + ": LOCAL mode listens on a loopback address only (127.0.0.1, as the local profile sets it). "
                    + "To serve a network, use JWT mode (SECURITY_MODE=JWT) with an identity provider.");
        }
        if (hasUsers) {
            properties.users().forEach((name, user) -> {
                if (user.password() == null || user.password().isBlank() || user.role() == null) {
                    throw new IllegalStateException("Local user " + name + " needs a password and a role");
                }
            });
        }
    }

    private static boolean isLoopback(String address) {
        if (!StringUtils.hasText(address)) {
            return false;
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(address.strip())).allMatch(InetAddress::isLoopbackAddress);
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    /**
     * JWT mode accepts a token only when it was issued for this service by the configured issuer.
     * Spring Boot 4.1 checks {@code aud} against {@code audiences} and {@code iss} against
     * {@code issuer-uri} whichever key source builds the decoder, but only when they are set; it
     * builds the public-key decoder only while {@code issuer-uri} is unset, so that source has its
     * issuer checked by {@link JwtChecksConfig}. Anything less stops the start.
     */
    static void requireSafeJwt(SecurityProperties.Jwt claims, OAuth2ResourceServerProperties.Jwt jwt) {
        boolean issuerUri = StringUtils.hasText(jwt.getIssuerUri());
        boolean issuer = StringUtils.hasText(claims.issuer());
        boolean publicKey = jwt.getPublicKeyLocation() != null;
        if (!issuerUri && !StringUtils.hasText(jwt.getJwkSetUri()) && !publicKey) {
            throw new IllegalStateException("partnership.security.mode is JWT, but no key source is set: set "
                    + JWT_PREFIX + "issuer-uri, " + JWT_PREFIX + "jwk-set-uri or " + JWT_PREFIX + "public-key-location.");
        }
        if (jwt.getAudiences() == null || jwt.getAudiences().stream().noneMatch(StringUtils::hasText)) {
            throw new IllegalStateException("partnership.security.mode is JWT, but " + JWT_PREFIX + "audiences is not set: "
                    + "set it (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) to the audience the identity provider "
                    + "puts in the aud claim of this service's tokens; without it a token issued for any other application "
                    + "of the same provider would sign its user in here.");
        }
        if (issuerUri && publicKey) {
            throw new IllegalStateException(JWT_PREFIX + "public-key-location and " + JWT_PREFIX + "issuer-uri are both "
                    + "set: Spring Boot then ignores the public key and fetches the issuer's keys instead. Keep "
                    + "public-key-location and replace issuer-uri with partnership.security.jwt.issuer (the tokens' iss), "
                    + "or keep issuer-uri alone.");
        }
        if (!issuerUri && !issuer) {
            throw new IllegalStateException("partnership.security.mode is JWT, but the tokens' issuer is not checked: set "
                    + JWT_PREFIX + "issuer-uri (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) or, with "
                    + JWT_PREFIX + "public-key-location, partnership.security.jwt.issuer (PARTNERSHIP_SECURITY_JWT_ISSUER) "
                    + "to the iss claim the identity provider writes.");
        }
        if (issuerUri && issuer && !jwt.getIssuerUri().equals(claims.issuer())) {
            throw new IllegalStateException(JWT_PREFIX + "issuer-uri (" + jwt.getIssuerUri() + ") and "
                    + "partnership.security.jwt.issuer (" + claims.issuer() + ") differ, so every token would be refused: "
                    + "keep one.");
        }
    }

    /**
     * CORS for the portal's origins on the GraphQL endpoint (at its configured path) and the
     * register download, with the request id a browser may send and read.
     */
    private static CorsConfigurationSource corsSource(SecurityProperties properties, String graphQlPath) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Content-Disposition"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(graphQlPath, cors);
        source.registerCorsConfiguration("/export/**", cors);
        return source;
    }

    /** Roles from the roles claim (a string or a list), board ids from the boards claim, the name as {@link #userName} reads it. */
    static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(SecurityProperties.Jwt claims) {
        return jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (String role : strings(jwt.getClaim(claims.rolesClaim()))) {
                for (Role known : Role.values()) {
                    if (known.name().equalsIgnoreCase(role)) {
                        authorities.add(new SimpleGrantedAuthority(known.authority()));
                    }
                }
            }
            for (String board : strings(jwt.getClaim(claims.boardsClaim()))) {
                authorities.add(new SimpleGrantedAuthority(CurrentUsers.BOARD_PREFIX + board));
            }
            return new JwtAuthenticationToken(jwt, authorities, userName(jwt, claims.nameClaim()));
        };
    }

    /**
     * The user a token names: its {@code nameClaim} (a string, or a number as text), else its
     * subject, whichever is not blank first; null when neither.
     */
    static String userName(Jwt jwt, String nameClaim) {
        Object name = jwt.getClaims().get(nameClaim);
        if ((name instanceof String || name instanceof Number) && !name.toString().isBlank()) {
            return name.toString().strip();
        }
        String subject = jwt.getSubject();
        return subject == null || subject.isBlank() ? null : subject.strip();
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof String s) {
            return List.of(s.split("[ ,]+"));
        }
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
