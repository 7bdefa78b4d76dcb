package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request's later dispatches (an event stream's async dispatch, an error page's) log under the
 * id its first dispatch gave it, not under none and not under a new one. The whole service's
 * request ids are in {@link RequestIdLoggingTest} and {@link OperationsTest}.
 */
class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void asyncAndErrorDispatchesKeepTheFirstDispatchsId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> seen = new ArrayList<>();
        FilterChain chain = (req, res) -> seen.add(MDC.get(RequestIdFilter.MDC_KEY));

        filter.doFilter(request, response, chain);
        request.setDispatcherType(DispatcherType.ASYNC);
        filter.doFilter(request, response, chain);
        request.setDispatcherType(DispatcherType.ERROR);
        filter.doFilter(request, response, chain);

        assertThat(seen).hasSize(3).doesNotContainNull();
        assertThat(seen).containsOnly(response.getHeader(RequestIdFilter.HEADER));
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("cleared after each dispatch").isNull();
    }
}
