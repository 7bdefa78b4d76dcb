package org.partnershipgraph.graphql;

/** The {@code extensions.code} values every GraphQL error carries (see API.md). */
public enum ErrorCode {
    BAD_REQUEST,
    VALIDATION,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    VERSION_CONFLICT,
    DEPENDENCY_CYCLE,
    QUERY_TOO_COMPLEX,
    UNAVAILABLE,
    INTERNAL
}
