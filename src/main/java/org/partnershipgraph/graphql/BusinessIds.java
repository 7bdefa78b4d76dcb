package org.partnershipgraph.graphql;

import java.util.UUID;

/** New stable business ids for entities the API creates ({@code action-3f2a...}). */
public final class BusinessIds {

    private BusinessIds() {
    }

    /** {@code prefix}, a dash and 16 hex digits of a random UUID: {@code next("action")} gives {@code action-3f2a9c...}. */
    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
