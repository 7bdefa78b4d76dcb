package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.http.MediaType;

/** What an operator reads: health groups, info, metrics, request ids, and the register export. */
class OperationsTest extends GraphQlTestBase {

    @Test
    void livenessAndReadinessGroups() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        http.get().uri("/actuator/health/readiness").headers(h -> h.setBasicAuth("admin", USERS.get("admin"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.neo4j.status").isEqualTo("UP");
    }

    @Test
    void infoShowsVersionAndCommit() {
        http.get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.build.version").exists().jsonPath("$.git.commit.id").exists();
    }

    @Test
    void prometheusShowsRequestDataFetcherAndDataLoaderTimingsButNoDriverOrSecurityObservations() {
        graphQl.document("query Portal { strategies(first: 1) { totalCount edges { node { domains { id } } } } }").execute()
                .path("strategies.edges[0].node.domains[0].id").hasValue();
        String metrics = new String(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("graphql_request_seconds_count{", "graphql_datafetcher_seconds_count{",
                        "graphql_dataloader_seconds_count{", "http_server_requests_seconds_count{")
                .doesNotContainPattern("(?m)^neo4j_").doesNotContainPattern("(?m)^spring_security_");
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesAPlainOne() {
        Set<String> generated = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\": \"{ __typename }\"}")
                    .exchange().expectHeader().value("X-Request-Id", id -> {
                        UUID uuid = UUID.fromString(id);
                        assertThat(uuid.version()).isEqualTo(4);
                        assertThat(uuid.variant()).isEqualTo(2);
                        generated.add(id);
                    });
        }
        assertThat(generated).as("a new id per request").hasSize(3);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "abc-123")
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange().expectHeader().valueEquals("X-Request-Id", "abc-123");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "<script>")
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange().expectHeader().value("X-Request-Id", id -> assertThat(id).doesNotContain("<"));
    }

    @Test
    void theRegisterIsCsvOfEveryActionForPartnersOnly() {
        http.get().uri("/export/accountability-register.csv").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").isEqualTo("Sign in to read this: it is not public.");
        for (String user : List.of("partner", "hwbb-secretariat", "admin")) {
            http.get().uri("/export/accountability-register.csv").headers(h -> h.setBasicAuth(user, USERS.get(user)))
                    .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv");
        }
        var result = http.get().uri("/export/accountability-register.csv")
                .headers(h -> h.setBasicAuth("auditor", USERS.get("auditor")))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody().returnResult();
        byte[] body = result.getResponseBody();
        assertThat(result.getResponseHeaders().getContentLength()).as("sent with its length").isEqualTo(body.length);
        assertThat(body).as("a UTF-8 byte-order mark first").startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("action_id,title,status,due_date,owner_id,owner,accountable_body_id,accountable_body,"
                + "sources,decision_ids,owner_text,timescale,status_text,rag,status_as_of,completed_date");
        assertThat(lines).hasSize((int) count("MATCH (a:Action) RETURN count(a)") + 1);
        assertThat(csv).contains("action-001-hwbs-eight-week-public-consultation,");
        assertThat(lines).filteredOn(line -> line.startsWith("action-001-hwbs-final-approval-by-march-2022,")).singleElement()
                .satisfies(line -> assertThat(line).contains(",decision-001-hwbb-2021-07-23-hwbs-refresh,"));
        assertThat(lines).as("two quotes from line 113, one source in the register")
                .filteredOn(line -> line.startsWith("action-004-neurodiversity-strategy,")).singleElement()
                .satisfies(line -> assertThat(line.split("004_b043de71292deed9.txt:113;", -1)).hasSize(2));
        Map<String, Object> worded;
        try (var session = driver.session()) {
            worded = session.run("""
                    MATCH (a:Action) WHERE a.ownerText IS NOT NULL AND a.timescale IS NOT NULL AND NOT (a)-[:OWNED_BY]->()
                      AND NOT a.ownerText =~ '(?s)([=+@-].*|.*[,;"\\r\\n].*)' AND NOT a.timescale =~ '(?s)([=+@-].*|.*[,;"\\r\\n].*)'
                    RETURN a.id AS id, a.ownerText AS ownerText, a.timescale AS timescale ORDER BY a.id LIMIT 1
                    """).single().asMap();
        }
        assertThat(lines).filteredOn(line -> line.startsWith(worded.get("id") + ",")).singleElement()
                .satisfies(line -> assertThat(line).contains("," + worded.get("ownerText") + "," + worded.get("timescale") + ","));
    }
}
