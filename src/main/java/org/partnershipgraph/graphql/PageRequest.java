package org.partnershipgraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A page of a connection, from Relay's {@code first} and {@code after}. Cursors are opaque
 * to clients; they encode the position in the ordered result.
 *
 * @param offset number of items before the page
 * @param limit  page size
 */
public record PageRequest(int offset, int limit) {

    /** Largest page a client may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String PREFIX = "pos:";

    /** Validates {@code first} and {@code after}; a bad value is a {@link BadRequestException}. */
    public static PageRequest of(Integer first, String after) {
        int limit = first == null ? 20 : first;
        if (limit < 0 || limit > MAX_PAGE_SIZE) {
            throw new BadRequestException("first must be between 0 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        int offset = after == null ? 0 : position(after) + 1;
        return new PageRequest(offset, limit);
    }

    /** The cursor of the item at {@code position}. */
    static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String cursor) {
        int position = decode(cursor);
        if (position < 0 || position > Integer.MAX_VALUE - MAX_PAGE_SIZE - 1) {
            throw new BadRequestException(
                    "after is not a cursor this API issued: use an endCursor or edge cursor from a previous page");
        }
        return position;
    }

    private static int decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return decoded.startsWith(PREFIX) ? Integer.parseInt(decoded.substring(PREFIX.length())) : -1;
        } catch (IllegalArgumentException ex) {
            return -1;
        }
    }
}
