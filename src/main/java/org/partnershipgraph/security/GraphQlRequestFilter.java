package org.partnershipgraph.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.partnershipgraph.graphql.ErrorCode;
import org.partnershipgraph.graphql.GraphQlErrorResponses;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the envelope of every {@code POST /graphql} before GraphQL sees it: the body size,
 * that it is one JSON object (no batches), and the types of {@code query}, {@code variables},
 * {@code operationName} and {@code extensions}. A bad envelope gets a GraphQL error with code
 * {@code BAD_REQUEST} (413 when too large), never a servlet error page. The body it checked is kept
 * with the request ({@link #checkedRequest}), so that the GraphQL endpoint does not parse it again.
 */
public final class GraphQlRequestFilter extends OncePerRequestFilter {

    private static final String CHECKED_REQUEST = GraphQlRequestFilter.class.getName() + ".request";

    private final JsonMapper json;
    private final long maxBody;
    private final String path;

    GraphQlRequestFilter(JsonMapper json, long maxBody, String path) {
        this.json = json;
        this.maxBody = maxBody;
        this.path = path;
    }

    /**
     * The GraphQL request this filter read from the body of {@code request}, parsed with the
     * application's {@link JsonMapper}; null where the filter did not run (or refused the request).
     */
    public static GraphQlRequest checkedRequest(HttpServletRequest request) {
        return (GraphQlRequest) request.getAttribute(CHECKED_REQUEST);
    }

    /**
     * Whether {@code request} is for {@code path} within the application: its URI after the context
     * path, where one is set ({@code server.servlet.context-path}). The raw URI is compared, not a
     * decoded one: Spring Security's firewall has already refused the URIs that would read differently
     * decoded (path parameters, encoded slashes and dots), which is why this filter runs inside its chain.
     */
    public static boolean isFor(HttpServletRequest request, String path) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.length() == context.length() + path.length() && uri.startsWith(context) && uri.endsWith(path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && isFor(request, path));
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
        Charset charset;
        try {
            charset = declaredCharset(request);
        } catch (InvalidMediaTypeException ex) {
            GraphQlErrorResponses.write(response, HttpStatus.BAD_REQUEST.value(), ErrorType.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The request's Content-Type cannot be read (" + ex.getMessage() + "): send application/json.", Map.of());
            return;
        }
        Checked checked = check(body, charset);
        if (checked.problem() != null) {
            GraphQlErrorResponses.write(response, HttpStatus.BAD_REQUEST.value(), ErrorType.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    checked.problem(), Map.of());
            return;
        }
        request.setAttribute(CHECKED_REQUEST, checked.request());
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * The charset the request's Content-Type names, or null, read from the header as Spring's
     * message converters read it (not the request's character encoding, which Spring Boot forces to
     * UTF-8).
     *
     * @throws InvalidMediaTypeException when the header cannot be read, an unknown charset included
     */
    private static Charset declaredCharset(HttpServletRequest request) {
        return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType()).getCharset();
    }

    /** The request the body holds, or why it cannot be one. */
    private record Checked(GraphQlRequest request, String problem) {

        static Checked problem(String problem) {
            return new Checked(null, problem);
        }
    }

    private Checked check(byte[] body, Charset charset) {
        if (isBlank(body)) {
            return Checked.problem("The request body is empty. Send {\"query\": \"...\", \"variables\": {...}}.");
        }
        Object root;
        try {
            root = charset == null || StandardCharsets.UTF_8.equals(charset)
                    ? json.readValue(body, Object.class)
                    : json.readValue(new String(body, charset), Object.class);
        } catch (JacksonException ex) {
            return Checked.problem("The request body is not valid JSON (" + ex.getOriginalMessage()
                    + "). Send {\"query\": \"...\", \"variables\": {...}}.");
        }
        if (root instanceof List<?>) {
            return Checked.problem("Batched operations are not supported: send one operation per request.");
        }
        if (!(root instanceof Map<?, ?> envelope)) {
            return Checked.problem("The request body must be a JSON object: {\"query\": \"...\", \"variables\": {...}}.");
        }
        if (!(envelope.get("query") instanceof String query) || query.isBlank()) {
            return Checked.problem("The request has no query: \"query\" must be a non-empty string.");
        }
        Object variables = envelope.get("variables");
        if (variables != null && !(variables instanceof Map<?, ?>)) {
            return Checked.problem("\"variables\" must be a JSON object.");
        }
        Object operationName = envelope.get("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return Checked.problem("\"operationName\" must be a string.");
        }
        Object extensions = envelope.get("extensions");
        if (extensions != null && !(extensions instanceof Map<?, ?>)) {
            return Checked.problem("\"extensions\" must be a JSON object.");
        }
        SerializableGraphQlRequest request = new SerializableGraphQlRequest();
        request.setQuery(query);
        request.setOperationName((String) operationName);
        if (variables != null) {
            request.setVariables(stringKeyed(variables));
        }
        if (extensions != null) {
            request.setExtensions(stringKeyed(extensions));
        }
        return new Checked(request, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Object jsonObject) {
        return (Map<String, Object>) jsonObject;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        GraphQlErrorResponses.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), ErrorType.BAD_REQUEST, ErrorCode.BAD_REQUEST,
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
