package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Bad requests get GraphQL errors with a code and a 4xx (never a 500); the service's pages answer. */
class HttpErrorsTest extends GraphQlTestBase {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @Test
    void malformedQueryIsA400WithCodeUnderGraphQlOverHttp() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue("{\"query\": \"{ action(id: \\\"x\\\") { id \"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("Invalid syntax"));
    }

    @Test
    void malformedQueryOverPlainJsonIsAnErrorNotA500() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ nonsense \"}")
                .exchange()
                .expectStatus().value(status -> assertThat(status).isLessThan(500))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void aSubscriptionOverHttpIsABadRequestPointingToTheWebSocket() {
        for (MediaType[] accept : List.of(new MediaType[] {GRAPHQL_RESPONSE}, new MediaType[] {MediaType.APPLICATION_JSON},
                new MediaType[] {MediaType.ALL}, new MediaType[] {MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON})) {
            http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
                    .bodyValue("{\"query\": \"subscription { actionChanged { operation } }\"}")
                    .exchange()
                    .expectStatus().isEqualTo(accept[0] == GRAPHQL_RESPONSE ? 400 : 200)
                    .expectBody()
                    .jsonPath("$.data").doesNotExist()
                    .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("WebSocket"));
        }
    }

    @Test
    void jsonInTheCharsetItDeclaresIsReadInThatCharset() throws Exception {
        byte[] latin1 = "{\"query\": \"query($t: String!) { search(text: $t) { totalCount } }\", \"variables\": {\"t\": \"caf\u00e9\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        http.post().uri("/graphql").contentType(MediaType.parseMediaType("application/json; charset=ISO-8859-1"))
                .bodyValue(latin1).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.search.totalCount").isNumber();
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header(HttpHeaders.CONTENT_TYPE, "application/json; charset=x-no-such-charset")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"code\":\"BAD_REQUEST\"").contains("x-no-such-charset");
    }

    @Test
    void unknownFieldIsABadRequest() {
        graphQl.document("{ actions { totalCount colour } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("colour")
                        && "BAD_REQUEST".equals(e.getExtensions().get("classification")))
                .verify();
    }

    @Test
    void aVariableGraphQlRejectsIsClassifiedAsTheServicesOwnBadInputIs() {
        graphQl.document("query($d: Date) { overdueActions(asOf: $d) { totalCount } }").variable("d", "2024-02-30").execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code"))
                        && "BAD_REQUEST".equals(e.getExtensions().get("classification")))
                .verify();
        graphQl.document("{ actions(first: -1) { totalCount } }").execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code"))
                        && "BAD_REQUEST".equals(e.getExtensions().get("classification")))
                .verify();
    }

    @Test
    void wrongDateFormatIsABadRequestNamingTheArgument() {
        graphQl.document("{ actions(filter: {dueBefore: \"31/03/2024\"}) { totalCount } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("dueBefore"))
                .verify();
    }

    @Test
    void pageSizeOutOfRangeIsABadRequestAndOtherFieldsStillAnswer() {
        graphQl.document("{ actions(first: 1000) { totalCount } boards(first: 1) { totalCount } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("first"))
                .verify()
                .path("actions").valueIsNull()
                .path("boards.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void foreignCursorIsABadRequest() {
        graphQl.document("{ actions(after: \"not-a-cursor\") { totalCount } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("after"))
                .verify();
    }

    @Test
    void missingVariableIsABadRequest() {
        graphQl.document("query($id: ID!) { action(id: $id) { id } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void graphiqlIsServedWithItsOwnAssetsAndNoCdn() {
        http.get().uri("/graphiql").exchange().expectStatus().value(status -> assertThat(status).isLessThan(400));
        String page = http.get().uri("/graphiql/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("assets/graphiql.min.js").doesNotContain("https://");
        for (String asset : new String[] {"graphiql.min.js", "graphiql.min.css", "react.production.min.js",
                "react-dom.production.min.js"}) {
            http.get().uri("/graphiql/assets/" + asset).exchange().expectStatus().isOk();
        }
    }

    @Test
    void healthIsUpAndShowsNeo4jToAdminsOnly() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.details").doesNotExist();
        for (String user : List.of("partner", "auditor")) {
            http.get().uri("/actuator/health").headers(h -> h.setBasicAuth(user, USERS.get(user))).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist();
        }
        http.get().uri("/actuator/health").headers(h -> h.setBasicAuth("admin", USERS.get("admin"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.neo4j.status").isEqualTo("UP")
                .jsonPath("$.components.neo4j.details.server").exists();
    }
}
