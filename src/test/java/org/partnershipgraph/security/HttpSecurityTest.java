package org.partnershipgraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.partnershipgraph.PartnershipGraphApplication;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Sign-in failures, CORS, security headers, the refusal of named users outside LOCAL mode, and the
 * local profile's loopback-only listener.
 */
class HttpSecurityTest extends GraphQlTestBase {

    @Autowired
    private EmbeddedNeo4jServer server;

    @Test
    void wrongPasswordIsUnauthenticatedAsAGraphQlError() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("auditor", "wrong"))
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message)
                        .startsWith("Authentication failed: ").endsWith("Sign in again, or send no credentials to read public data."));
    }

    @Test
    void corsAllowsTheConfiguredPortalOnly() {
        http.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://portal.example.org");
        http.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void corsLetsThePortalDownloadTheRegisterAndSendAndReadTheRequestId() {
        http.options().uri("/export/accountability-register.csv")
                .header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://portal.example.org");
        http.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-request-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("x-request-id"));
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, headers -> assertThat(headers).contains("X-Request-Id"));
        http.get().uri("/export/accountability-register.csv")
                .header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-local-only"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://portal.example.org");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists(HttpHeaders.CACHE_CONTROL);
    }

    @Test
    void otherPathsAreClosed() {
        http.get().uri("/actuator/env").exchange().expectStatus().value(s -> assertThat(s).isIn(401, 403, 404));
    }

    @Test
    void theLocalProfileListensOnLoopbackOnly() throws IOException {
        InetAddress outward = NetworkInterface.networkInterfaces().filter(HttpSecurityTest::upAndOutward)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLinkLocalAddress()).findFirst().orElse(null);
        assumeTrue(outward != null, "this machine has no network address besides loopback");
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        }
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outward, port), 5000))
                    .as("a connection to %s:%d", outward.getHostAddress(), port)
                    .isInstanceOf(IOException.class);
        }
    }

    private static boolean upAndOutward(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void aTokensUserIsItsNameClaimElseItsSubjectAndATokenNamingNoneIsRefused() {
        SecurityProperties properties = new SecurityProperties(SecurityProperties.Mode.JWT,
                new SecurityProperties.Jwt("roles", "boards", "preferred_username", null), Map.of(),
                new SecurityProperties.Cors(List.of()),
                new SecurityProperties.Limits(15, 20000, 30, DataSize.ofKilobytes(64), 100000));
        var converter = SecurityConfig.jwtConverter(properties.jwt());
        var validator = new JwtChecksConfig().userNameRequired(properties);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("jane", "jane");
        names.put(" ", "subject-1");
        names.put(null, "subject-1");
        names.forEach((claim, expected) -> {
            var token = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                    .subject("subject-1").claims(c -> c.put("preferred_username", claim == null ? List.of() : claim)).build();
            assertThat(converter.convert(token).getName()).as("name claim %s", claim).isEqualTo(expected);
            assertThat(validator.validate(token).hasErrors()).isFalse();
        });
        var numbered = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                .claim("preferred_username", 1234).build();
        assertThat(converter.convert(numbered).getName()).isEqualTo("1234");
        var unnamed = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                .claim("preferred_username", " ").claim("sub", "").build();
        assertThat(validator.validate(unnamed).getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getDescription()).contains("no preferred_username or sub claim"));
    }

    @Test
    void namedUsersOutsideLocalModeStopTheStart() {
        SecurityProperties properties = withAdmin(SecurityProperties.Mode.PUBLIC);
        assertThatThrownBy(() -> SecurityConfig.requireConsistent(properties, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOCAL mode only");
    }

    @Test
    void namedUsersBeyondALoopbackAddressStopTheStart() {
        SecurityProperties local = withAdmin(SecurityProperties.Mode.LOCAL);
        for (String address : Arrays.asList(null, "", "0.0.0.0", "::", "192.0.2.10")) {
            assertThatThrownBy(() -> SecurityConfig.requireConsistent(local, address))
                    .as("server.address %s", address)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LOCAL mode listens on a loopback address only");
        }
        for (String address : List.of("127.0.0.1", "::1", "localhost")) {
            SecurityConfig.requireConsistent(local, address);
        }
        SecurityConfig.requireConsistent(new SecurityProperties(SecurityProperties.Mode.PUBLIC, local.jwt(), Map.of(),
                local.cors(), local.limits()), "0.0.0.0");
    }

    /** Security settings in {@code mode} with the local profile's admin user. */
    private static SecurityProperties withAdmin(SecurityProperties.Mode mode) {
        return new SecurityProperties(mode, new SecurityProperties.Jwt("roles", "boards", "sub", null),
                Map.of("admin", new SecurityProperties.LocalUser("admin-local-only", Role.ADMIN, List.of())),
                new SecurityProperties.Cors(List.of()),
                new SecurityProperties.Limits(15, 20000, 30, DataSize.ofKilobytes(64), 100000));
    }

    @Test
    void aTransactionTimeoutOtherThanWholeSecondsStopsTheStart() {
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(-5))) {
            assertThatThrownBy(() -> TransactionTimeouts.wholeSeconds(timeout)).as(timeout.toString())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("give a whole number of seconds, at least 1s");
        }
        assertThat(TransactionTimeouts.wholeSeconds(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(TransactionTimeouts.wholeSeconds(Duration.ofMinutes(2))).isEqualTo(120);
    }

    @Test
    void theLocalProfileOnEveryAddressDoesNotStart() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(PartnershipGraphApplication.class).profiles("local")
                    .run("--spring.neo4j.uri=" + server.boltUri(), "--spring.neo4j.authentication.password=" + server.password(),
                            "--server.port=0", "--partnership.seed.mode=NEVER", "--spring.main.banner-mode=off",
                            "--server.address=0.0.0.0").close())
                    .hasStackTraceContaining("but server.address is 0.0.0.0");
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }
}
