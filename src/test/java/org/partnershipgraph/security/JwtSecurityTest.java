package org.partnershipgraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.PartnershipGraphApplication;
import org.partnershipgraph.ServiceTestBase;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * JWT mode: bearer tokens signed by the configured key, issued by the configured issuer for this
 * service's audience, with roles from the {@code roles} claim (a list or one string), a secretariat's
 * boards from the {@code boards} claim and the user named by {@code sub}; expired, wrongly-signed, foreign
 * and misaddressed tokens get 401 with code UNAUTHENTICATED, and JWT mode without an audience
 * does not start. Over a WebSocket, operations started after the token's expiry are refused and a
 * running subscription ends with an error when it expires.
 */
@ActiveProfiles(inheritProfiles = false)
class JwtSecurityTest extends ServiceTestBase {

    private static final KeyPair TRUSTED = TestKeys.keyPair();
    private static final KeyPair STRANGER = TestKeys.keyPair();
    private static final Path DATA = dataDirectory();
    private static final String PROBE = "{ action(id: \"action-jwt-probe\") { id updates { author } } }";
    private static final String ISSUER = "https://idp.example.org/realms/partnership";
    private static final String AUDIENCE = "partnership-graph";
    private static final String PUBLIC_KEY = TestKeys.publicKeyFile(TRUSTED, "jwt-test-").toUri().toString();

    @Autowired
    private EmbeddedNeo4jServer server;

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) {
        emptyDatabase(registry, DATA);
        registry.add("partnership.security.mode", () -> "JWT");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        registry.add("partnership.security.jwt.issuer", () -> ISSUER);
    }

    @BeforeEach
    void probeAction() {
        try (var session = driver.session()) {
            session.run("""
                    MERGE (a:Action:Node {id: 'action-jwt-probe'})
                    ON CREATE SET a.title = 'Probe', a.kind = 'COMMITMENT', a.status = 'IN_PROGRESS', a.version = 0,
                                  a.asOf = date('2025-01-01')
                    MERGE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: 'action-jwt-probe-u', date: date('2025-01-01'),
                                                               status: 'IN_PROGRESS', seq: 0, author: 'someone'})
                    """).consume();
        }
    }

    @Test
    void aValidPartnerTokenReadsProtectedFields() {
        bearer(token(TRUSTED, List.of("PARTNER"), Instant.now().plusSeconds(600))).document(PROBE).execute()
                .path("action.updates[0].author").entity(String.class).isEqualTo("someone");
    }

    @Test
    void aSecretariatTokenChangesTheActionsOfItsBoardsAndOfTheBodiesBelowThemOnlyAndIsNamedInTheHistory() {
        try (var session = driver.session()) {
            session.run("""
                    MERGE (top:Board:Node {id: 'board-jwt-top'}) SET top.name = 'Top'
                    MERGE (mid:Board:Node {id: 'board-jwt-mid'}) SET mid.name = 'Middle'
                    MERGE (low:Board:Node {id: 'board-jwt-low'}) SET low.name = 'Low'
                    MERGE (other:Board:Node {id: 'board-jwt-other'}) SET other.name = 'Other'
                    MERGE (low)-[:REPORTS_TO]->(mid)
                    MERGE (mid)-[:REPORTS_TO]->(top)
                    WITH *
                    UNWIND [['action-jwt-low', 'board-jwt-low'], ['action-jwt-other', 'board-jwt-other']] AS pair
                    MATCH (b:Board {id: pair[1]})
                    MERGE (a:Action:Node {id: pair[0]})
                    SET a.title = pair[0], a.kind = 'COMMITMENT', a.status = 'IN_PROGRESS', a.version = 0, a.asOf = date('2025-01-01')
                    MERGE (a)-[:ACCOUNTABLE_TO]->(b)
                    """).consume();
        }
        String progress = "mutation($id: ID!) { recordProgress(input: {actionId: $id, expectedVersion: 0, status: IN_PROGRESS, "
                + "date: \"2025-02-01\"}) { action { version } } }";
        GraphQlTester jane = bearer(token(TRUSTED, "jane", "secretariat", List.of("board-jwt-top")));
        jane.document(progress).variable("id", "action-jwt-other").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        bearer(token(TRUSTED, "john", "SECRETARIAT", null)).document(progress).variable("id", "action-jwt-low").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        try (var session = driver.session()) {
            assertThat(session.run("""
                    MATCH (a:Action) WHERE a.id IN ['action-jwt-low', 'action-jwt-other']
                    RETURN sum(a.version + COUNT { (h:HistoryEntry) WHERE h.entityId = a.id } + COUNT { (a)-[:HAS_UPDATE]->() }) AS changes
                    """).single().get("changes").asLong()).isZero();
        }

        jane.document(progress).variable("id", "action-jwt-low").execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        bearer(token(TRUSTED, "ann", "partner auditor", null))
                .document("{ history(entityId: \"action-jwt-low\") { operation user } }").execute()
                .path("history[*].user").entityList(String.class).containsExactly("jane")
                .path("history[*].operation").entityList(String.class).containsExactly("recordProgress");
    }

    @Test
    void noTokenReadsPublicDataOnly() {
        graphQl.document("{ action(id: \"action-jwt-probe\") { id } }").execute().path("action.id").hasValue();
        graphQl.document(PROBE).execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aTokenWithNoKnownRoleIsPublic() {
        bearer(token(TRUSTED, List.of("VISITOR"), Instant.now().plusSeconds(600))).document(PROBE).execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        rejected(token(TRUSTED, List.of("AUDITOR"), Instant.now().minusSeconds(3600)));
    }

    @Test
    void aTokenThatNeverExpiresIsUnauthenticated() {
        rejected(token(TRUSTED, List.of("AUDITOR"), null));
    }

    @Test
    void wronglySignedTokenIsUnauthenticated() {
        rejected(token(STRANGER, List.of("ADMIN"), Instant.now().plusSeconds(600)));
    }

    @Test
    void garbageTokenIsUnauthenticated() {
        rejected("not.a.token");
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        rejected(token(TRUSTED, ISSUER, List.of("another-application"), List.of("ADMIN"), Instant.now().plusSeconds(600)));
        rejected(token(TRUSTED, ISSUER, List.of(), List.of("ADMIN"), Instant.now().plusSeconds(600)));
    }

    @Test
    void aTokenNamingNoUserIsUnauthenticated() {
        rejected(token(TRUSTED, null, "SECRETARIAT", List.of("board-hwbb")));
        rejected(token(TRUSTED, " ", "ADMIN", null));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthenticated() {
        rejected(token(TRUSTED, "https://elsewhere.example.com", List.of(AUDIENCE), List.of("ADMIN"), Instant.now().plusSeconds(600)));
        rejected(token(TRUSTED, null, List.of(AUDIENCE), List.of("ADMIN"), Instant.now().plusSeconds(600)));
    }

    @Test
    void aWebSocketRefusesOperationsStartedAfterItsTokenExpires() {
        Instant expiry = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        WebSocketGraphQlTester socket = socket(token(TRUSTED, List.of("PARTNER"), expiry));
        try {
            socket.document(PROBE).execute().path("action.updates[0].author").entity(String.class).isEqualTo("someone");
            awaitPast(expiry);
            socket.document(PROBE).execute().errors()
                    .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify()
                    .path("action").pathDoesNotExist();
            socket.document("{ action(id: \"action-jwt-probe\") { id } }").execute().errors()
                    .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
            GraphQlTester.Response refused = socket.document("subscription { actionChanged { operation } }")
                    .executeSubscription().toFlux().blockFirst(TIMEOUT);
            assertThat(refused).isNotNull();
            refused.errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
        } finally {
            socket.stop().block(TIMEOUT);
        }
    }

    @Test
    void aRunningSubscriptionEndsWithAnErrorWhenItsTokenExpires() throws Exception {
        Instant expiry = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        WebSocketGraphQlTester socket = socket(token(TRUSTED, List.of("PARTNER"), expiry));
        try {
            CompletableFuture<Void> ended = socket.document("subscription { actionChanged { operation } }")
                    .executeSubscription().toFlux().then().toFuture();
            assertThatThrownBy(() -> ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SubscriptionErrorException.class, ex -> assertThat(ex.getErrors())
                            .singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
            assertThat(Instant.now()).as("the subscription ran until the token expired").isAfterOrEqualTo(expiry);
        } finally {
            socket.stop().block(TIMEOUT);
        }
    }

    @Test
    void aSubscriptionOverAnEventStreamEndsWithAnErrorWhenItsTokenExpires() {
        Instant expiry = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        List<String> events = WebClient.create("http://localhost:" + port).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token(TRUSTED, List.of("PARTNER"), expiry)))
                .bodyValue(Map.of("query", "subscription { actionChanged { operation } }"))
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .map(event -> event.event() + " " + event.data())
                .collectList().block(TIMEOUT);
        assertThat(Instant.now()).as("the stream ran until the token expired").isAfterOrEqualTo(expiry);
        assertThat(events).anySatisfy(event -> assertThat(event).contains("UNAUTHENTICATED"));
    }

    @Test
    void aSubscriptionWithATokenForEverStaysOpen() {
        WebSocketGraphQlTester socket = socket(token(TRUSTED, List.of("PARTNER"), Instant.parse("9999-12-31T23:59:59Z")));
        try {
            CompletableFuture<Void> ended = socket.document("subscription { actionChanged { operation } }")
                    .executeSubscription().toFlux().then().toFuture();
            socket.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
            assertThatThrownBy(() -> ended.get(2, TimeUnit.SECONDS)).as("the subscription is still open")
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
        } finally {
            socket.stop().block(TIMEOUT);
        }
    }

    @Test
    void theRegisterRefusesATokenWithNoKnownRoleWithAnError() {
        http.get().uri("/export/accountability-register.csv")
                .headers(h -> h.setBearerAuth(token(TRUSTED, List.of("VISITOR"), Instant.now().plusSeconds(600))))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        http.get().uri("/export/accountability-register.csv")
                .headers(h -> h.setBearerAuth(token(TRUSTED, List.of("PARTNER"), Instant.now().plusSeconds(600))))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv");
    }

    @Test
    void healthDetailsAreForAdminTokensOnly() {
        http.get().uri("/actuator/health").headers(h -> h.setBearerAuth(token(TRUSTED, List.of("ADMIN"), Instant.now().plusSeconds(600))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.neo4j.status").isEqualTo("UP");
        http.get().uri("/actuator/health").headers(h -> h.setBearerAuth(token(TRUSTED, List.of("AUDITOR"), Instant.now().plusSeconds(600))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    }

    @Test
    void jwtModeWithoutAnAudienceDoesNotStart() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(PartnershipGraphApplication.class)
                    .run("--spring.neo4j.uri=" + server.boltUri(),
                            "--spring.neo4j.authentication.password=" + server.password(), "--server.port=0", "--partnership.seed.mode=NEVER",
                            "--spring.main.banner-mode=off", "--partnership.security.mode=JWT",
                            "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + PUBLIC_KEY,
                            "--partnership.security.jwt.issuer=" + ISSUER).close())
                    .hasStackTraceContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set");
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private void rejected(String token) {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(token))
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    private WebSocketGraphQlTester socket(String token) {
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new StandardWebSocketClient())
                .headers(h -> h.setBearerAuth(token)).build();
    }

    private static void awaitPast(Instant instant) {
        await("the token has expired", () -> Instant.now().isAfter(instant.plusMillis(100)));
    }

    private GraphQlTester bearer(String token) {
        return graphQl.mutate().headers(h -> h.setBearerAuth(token)).build();
    }

    private static String token(KeyPair keys, List<String> roles, Instant expiry) {
        return token(keys, ISSUER, List.of(AUDIENCE), roles, expiry);
    }

    private static String token(KeyPair keys, String issuer, List<String> audience, List<String> roles, Instant expiry) {
        return sign(keys, new JWTClaimsSet.Builder().subject("tester").issuer(issuer).audience(audience)
                .claim("roles", roles).issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(expiry == null ? null : Date.from(expiry)).build());
    }

    /** A token for ten minutes naming {@code subject}, with its roles as one string and its boards as a list (none when null). */
    private static String token(KeyPair keys, String subject, String roles, List<String> boards) {
        return sign(keys, new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(List.of(AUDIENCE))
                .claim("roles", roles).claim("boards", boards).issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
