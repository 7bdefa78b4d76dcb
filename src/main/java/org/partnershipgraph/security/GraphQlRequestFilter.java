package org.partnershipgraph.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the envelope of every {@code POST /graphql} before GraphQL sees it: the body size,
 * that it is one JSON object (no batches), and the types of {@code query}, {@code variables},
 * {@code operationName} and {@code extensions}. A bad envelope gets a GraphQL error with code
 * {@code BAD_REQUEST} (413 when too large), never a servlet error page.
 */
class GraphQlRequestFilter extends OncePerRequestFilter {

    private final JsonMapper json = JsonMapper.builder().build();
    private final long maxBody;
    private final String path;

    GraphQlRequestFilter(long maxBody, String path) {
        this.maxBody = maxBody;
        this.path = path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && path.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBody + 1);
        if (body.length > maxBody) {
            tooLarge(response);
            return;
        }
        String problem = problem(body);
        if (problem != null) {
            GraphQlErrorResponses.write(response, HttpStatus.BAD_REQUEST.value(), "BAD_REQUEST", problem, Map.of());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private String problem(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException ex) {
            return "The request body is not valid JSON (" + ex.getOriginalMessage()
                    + "). Send {\"query\": \"...\", \"variables\": {...}}.";
        }
        if (root == null || root.isMissingNode()) {
            return "The request body is empty. Send {\"query\": \"...\", \"variables\": {...}}.";
        }
        if (root.isArray()) {
            return "Batched operations are not supported: send one operation per request.";
        }
        if (!root.isObject()) {
            return "The request body must be a JSON object: {\"query\": \"...\", \"variables\": {...}}.";
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return "The request has no query: \"query\" must be a non-empty string.";
        }
        if (!isNullOr(root.get("variables"), JsonNode::isObject)) {
            return "\"variables\" must be a JSON object.";
        }
        if (!isNullOr(root.get("operationName"), JsonNode::isString)) {
            return "\"operationName\" must be a string.";
        }
        if (!isNullOr(root.get("extensions"), JsonNode::isObject)) {
            return "\"extensions\" must be a JSON object.";
        }
        return null;
    }

    private static boolean isNullOr(JsonNode node, java.util.function.Predicate<JsonNode> ok) {
        return node == null || node.isNull() || ok.test(node);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        GraphQlErrorResponses.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), "BAD_REQUEST",
                "The request body is larger than " + maxBody + " bytes; send a smaller query or fewer variables.",
                Map.of("limit", maxBody));
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE, limit));
    }

    /** The request with its body already read, replayed to the GraphQL handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
