package org.partnershipgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope check applies to {@code POST /graphql} wherever the application is mounted, and
 * hands on the request it read. The whole service's answers to bad envelopes are in {@link BadInputTest}.
 */
class GraphQlRequestFilterTest {

    private final GraphQlRequestFilter filter = new GraphQlRequestFilter(JsonMapper.builder().build(), 100, "/graphql");

    @Test
    void checksTheBodyUnderAContextPath() throws Exception {
        MockHttpServletResponse tooLarge = run(post("/partnership", "{\"query\": \"{ __typename }\"}" + " ".repeat(100)), new MockFilterChain());
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(tooLarge.getContentAsString()).contains("\"code\":\"BAD_REQUEST\"");

        MockHttpServletResponse batch = run(post("/partnership", "[{\"query\": \"{ __typename }\"}]"), new MockFilterChain());
        assertThat(batch.getStatus()).isEqualTo(400);
        assertThat(batch.getContentAsString()).contains("Batched operations");
    }

    @Test
    void handsOnTheRequestItReadAndTheBodyUnread() throws Exception {
        String body = "{\"query\": \"query B($n: Int) { __typename }\", \"operationName\": \"B\", \"variables\": {\"n\": 3}}";
        MockHttpServletRequest request = post("", body);
        MockFilterChain chain = new MockFilterChain();
        assertThat(run(request, chain).getStatus()).isEqualTo(200);

        GraphQlRequest checked = GraphQlRequestFilter.checkedRequest(request);
        assertThat(checked.getDocument()).isEqualTo("query B($n: Int) { __typename }");
        assertThat(checked.getOperationName()).isEqualTo("B");
        assertThat(checked.getVariables()).isEqualTo(Map.of("n", 3));
        assertThat(checked.getExtensions()).isEmpty();
        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThat(new String(passedOn.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void leavesOtherPathsAlone() throws Exception {
        MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", "/partnership/graphql/other");
        elsewhere.setContextPath("/partnership");
        elsewhere.setContent("not json".getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();
        assertThat(run(elsewhere, chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(elsewhere);
        assertThat(GraphQlRequestFilter.checkedRequest(elsewhere)).isNull();
    }

    private static MockHttpServletRequest post(String contextPath, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", contextPath + "/graphql");
        request.setContextPath(contextPath);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
