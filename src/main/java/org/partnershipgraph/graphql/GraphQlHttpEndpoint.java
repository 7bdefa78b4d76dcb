package org.partnershipgraph.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnershipgraph.security.GraphQlRequestFilter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP for {@code POST /graphql} with a JSON body, as a plain Spring MVC handler ahead of
 * Spring for GraphQL's functional endpoint. It hands each request to the same {@link WebGraphQlHandler}
 * (interceptors, execution, errors) and answers as that endpoint does (status, content type, headers,
 * body), without the functional endpoint's per-request machinery (router predicates, a
 * {@code ServerRequest}, message-converter lookups both ways, an asynchronous {@code ServerResponse}),
 * which cost a cheap question 0.1-0.4 ms more on two cores ({@code bench/run breakdown} measures both
 * endpoints; see bench/README.md).
 *
 * <p>It serves only what it answers exactly as Spring does: a JSON content type (UTF-8, as JSON is) and
 * an {@code Accept} header that allows JSON or {@code application/graphql-response+json}. Everything
 * else falls through to Spring's endpoint unchanged: other content types ({@code application/graphql},
 * none, JSON in another charset), other {@code Accept} headers, other methods ({@code GET} is the
 * WebSocket handshake). Whatever the content type, a {@code POST} body has passed the envelope check
 * ({@link GraphQlRequestFilter}) first, which accepts only a JSON object.
 */
final class GraphQlHttpEndpoint implements HandlerMapping, HttpRequestHandler, Ordered {

    private static final String RESPONSE_TYPE = GraphQlHttpEndpoint.class.getName() + ".responseType";

    /** The types Spring's endpoint routes on {@code Accept}. */
    private static final List<MediaType> ROUTED = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON);

    /** The types Spring's endpoint answers with when the client lists one; otherwise {@code application/json}. */
    private static final List<MediaType> ANSWERED = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.APPLICATION_JSON, new MediaType("application", "graphql+json"));

    private final WebGraphQlHandler graphQlHandler;
    private final JsonMapper json;
    private final String path;
    private final boolean okOnValidationErrors;
    private final IdGenerator ids = new AlternativeJdkIdGenerator();

    GraphQlHttpEndpoint(WebGraphQlHandler graphQlHandler, JsonMapper json, String path, boolean okOnValidationErrors) {
        this.graphQlHandler = graphQlHandler;
        this.json = json;
        this.path = path;
        this.okOnValidationErrors = okOnValidationErrors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public HandlerExecutionChain getHandler(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !GraphQlRequestFilter.isFor(request, path)
                || !isJson(request.getContentType())) {
            return null;
        }
        MediaType responseType = responseType(request.getHeader(HttpHeaders.ACCEPT));
        if (responseType == null) {
            return null;
        }
        request.setAttribute(RESPONSE_TYPE, responseType);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(path));
        return new HandlerExecutionChain(this);
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MediaType responseType = (MediaType) request.getAttribute(RESPONSE_TYPE);
        WebGraphQlResponse result = graphQlHandler.handleRequest(graphQlRequest(request)).block();
        if (result == null) {
            throw new IllegalStateException("The GraphQL handler completed without a response");
        }
        boolean rejected = !okOnValidationErrors && !result.getExecutionResult().isDataPresent()
                && MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(responseType);
        response.setStatus(rejected ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK);
        result.getResponseHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = json.writeValueAsBytes(result.toMap());
        response.setContentType(responseType.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private WebGraphQlRequest graphQlRequest(HttpServletRequest request) {
        ServletServerHttpRequest http = new ServletServerHttpRequest(request);
        GraphQlRequest body = GraphQlRequestFilter.checkedRequest(request);
        if (body == null) {
            throw new IllegalStateException("POST " + path + " reached the GraphQL endpoint without the envelope check "
                    + "(GraphQlRequestFilter), which reads and limits the body: check the security filter chain");
        }
        return new WebGraphQlRequest(http.getURI(), http.getHeaders(), cookies(request), http.getRemoteAddress(),
                http.getAttributes(), body, ids.generateId().toString(), LocaleContextHolder.getLocale());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (MediaType.APPLICATION_JSON_VALUE.equals(contentType)) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Whether Spring's routes (and this endpoint) answer a request accepting {@code accepted} with
     * JSON: when it accepts anything, or a type compatible with JSON ({@code *}{@code /*} too), as
     * Spring's JSON route comes before its event-stream route.
     */
    static boolean answersJson(List<MediaType> accepted) {
        return accepted.isEmpty() || accepted.stream().anyMatch(type -> ROUTED.stream().anyMatch(type::isCompatibleWith));
    }

    /** The content type Spring's endpoint would answer with, or null where it would not route the request. */
    private static MediaType responseType(String accept) {
        if (accept == null || accept.isBlank() || MediaType.APPLICATION_JSON_VALUE.equals(accept)) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException ex) {
            return null;
        }
        if (!answersJson(accepted)) {
            return null;
        }
        return accepted.stream().filter(ANSWERED::contains).findFirst().orElse(MediaType.APPLICATION_JSON);
    }

    private static MultiValueMap<String, HttpCookie> cookies(HttpServletRequest request) {
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        Cookie[] sent = request.getCookies();
        if (sent != null) {
            for (Cookie cookie : sent) {
                cookies.add(cookie.getName(), new HttpCookie(cookie.getName(), cookie.getValue()));
            }
        }
        return cookies;
    }
}
