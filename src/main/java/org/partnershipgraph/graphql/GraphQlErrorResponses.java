package org.partnershipgraph.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.graphql.execution.ErrorType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GraphQL error response from outside GraphQL execution (filters, entry points, plain
 * HTTP endpoints), shaped as {@link GraphQlExceptions} shapes errors raised during execution.
 */
public final class GraphQlErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlErrorResponses() {
    }

    /**
     * Writes {@code {"errors": [{message, extensions: {code, classification, ...}}]}} with
     * {@code status}: {@code code} as the service's code and {@code classification} as Spring's.
     */
    public static void write(HttpServletResponse response, int status, ErrorType classification, ErrorCode code,
            String message, Map<String, Object> extra) throws IOException {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.put("classification", classification.name());
        extensions.putAll(extra);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        response.setStatus(status);
        response.setContentType("application/graphql-response+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("errors", List.of(error))));
    }
}
