package org.partnershipgraph.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, else a
 * new one. It is on every log line of the request ({@code requestId} in the MDC, carried to
 * GraphQL's threads), including those of its later async and error dispatches (an event stream's,
 * an error page's), which take the id the first dispatch kept on the request; and it is returned
 * in the {@code X-Request-Id} response header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    /** The header carrying the request id, both ways. */
    static final String HEADER = "X-Request-Id";

    /** The MDC key of the request id. */
    static final String MDC_KEY = "requestId";

    /** The request attribute keeping the id for the request's later dispatches. */
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id;
        if (request.getAttribute(ATTRIBUTE) instanceof String kept) {
            id = kept;
        } else {
            String given = request.getHeader(HEADER);
            id = given != null && PLAIN.matcher(given).matches() ? given : newId();
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * A random (version 4) UUID drawn from {@link ThreadLocalRandom}: a request id must be unique, not
     * unguessable, and {@link UUID#randomUUID()} reads the shared {@code SecureRandom} under its lock
     * on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
