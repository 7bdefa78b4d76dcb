package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * {@code POST /graphql} answers through {@link GraphQlHttpEndpoint} exactly as through Spring for
 * GraphQL's own endpoint, and what the endpoint does not serve still gets Spring's answers.
 */
class GraphQlHttpEndpointTest extends GraphQlTestBase {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final String QUERY = "{\"query\": \"{ action(id: \\\"action-001-arrs-01-facilitated-sessions-on-pcn-roles\\\") { id status } }\"}";

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private List<HandlerMapping> handlerMappings;

    @Test
    void jsonPostIsServedByTheEndpointAndOtherRequestsFallThroughToSpring() {
        assertThat(handlerFor("POST", "application/json", null)).isInstanceOf(GraphQlHttpEndpoint.class);
        assertThat(handlerFor("POST", "application/json;charset=UTF-8", "application/graphql-response+json, application/json;q=0.9"))
                .isInstanceOf(GraphQlHttpEndpoint.class);
        assertThat(handlerFor("POST", "application/graphql", null)).isNotInstanceOf(GraphQlHttpEndpoint.class);
        assertThat(handlerFor("POST", "application/json;charset=ISO-8859-1", null)).isNotInstanceOf(GraphQlHttpEndpoint.class);
        assertThat(handlerFor("POST", "application/json;charset=no-such-charset", null)).isNotInstanceOf(GraphQlHttpEndpoint.class);
        assertThat(handlerFor("POST", "application/json", "text/html")).isNotInstanceOf(GraphQlHttpEndpoint.class);
        assertThat(handlerFor("GET", null, null)).isNotInstanceOf(GraphQlHttpEndpoint.class);
        MockHttpServletRequest underContextPath = new MockHttpServletRequest("POST", "/partnership/graphql");
        underContextPath.setContextPath("/partnership");
        underContextPath.setContentType("application/json");
        assertThat(handlerFor(underContextPath)).as("under a context path").isInstanceOf(GraphQlHttpEndpoint.class);
    }

    @Test
    void answersJsonWithItsLength() {
        byte[] body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.data.action.id").isEqualTo("action-001-arrs-01-facilitated-sessions-on-pcn-roles")
                .returnResult().getResponseBody();
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY)
                .exchange()
                .expectHeader().contentLength(body.length);
    }

    @Test
    void theCheckedBodyReachesGraphQlAsSent() {
        String twoOperations = "query A { __typename } query B($show: Boolean!) { __typename shown: __typename @include(if: $show) }";
        for (boolean show : new boolean[] {true, false}) {
            String body = "{\"query\": \"" + twoOperations + "\", \"operationName\": \"B\", \"variables\": {\"show\": " + show
                    + "}, \"extensions\": {\"client\": \"test\"}}";
            var response = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isOk().expectBody();
            response.jsonPath("$.errors").doesNotExist().jsonPath("$.data.__typename").isEqualTo("Query");
            if (show) {
                response.jsonPath("$.data.shown").isEqualTo("Query");
            } else {
                response.jsonPath("$.data.shown").doesNotExist();
            }
        }
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ __typename }\", \"variables\": null, \"operationName\": null, \"extensions\": null}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.errors").doesNotExist().jsonPath("$.data.__typename").isEqualTo("Query");
    }

    @Test
    void answersTheGraphQlResponseTypeWhenAskedAndA400WhenNothingRan() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
                .bodyValue(QUERY)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(GRAPHQL_RESPONSE);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue("{\"query\": \"{ action(id: 1) { nosuchfield } }\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ action(id: 1) { nosuchfield } }\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void whatTheEndpointDoesNotServeGetsSpringsAnswers() {
        http.post().uri("/graphql").contentType(MediaType.parseMediaType("application/graphql")).bodyValue(QUERY)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.action.status").exists();
        http.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).bodyValue(QUERY)
                .exchange()
                .expectStatus().isEqualTo(415);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML).bodyValue(QUERY)
                .exchange()
                .expectStatus().isEqualTo(415);
        http.get().uri("/graphql").exchange().expectStatus().isEqualTo(405);
    }

    @Test
    void requestsAreTimedUnderTheGraphQlPath() {
        long before = timed("/graphql");
        long unknownBefore = timed("UNKNOWN");
        for (int i = 0; i < 3; i++) {
            http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange().expectStatus().isOk();
        }
        await("the three requests timed under /graphql", () -> timed("/graphql") == before + 3);
        assertThat(timed("UNKNOWN")).as("none timed under no path").isEqualTo(unknownBefore);
        String metrics = new String(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/graphql\"");
    }

    /** How many successful POSTs the HTTP server timing has counted under {@code uri}. */
    private long timed(String uri) {
        Timer timer = meters.find("http.server.requests").tags("method", "POST", "uri", uri, "status", "200").timer();
        return timer == null ? 0 : timer.count();
    }

    private Object handlerFor(String method, String contentType, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/graphql");
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return handlerFor(request);
    }

    private Object handlerFor(MockHttpServletRequest request) {
        List<HandlerMapping> ordered = handlerMappings.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
        for (HandlerMapping mapping : ordered) {
            try {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null) {
                    return chain.getHandler();
                }
            } catch (Exception ex) {
                return ex;
            }
        }
        return "no handler";
    }
}
