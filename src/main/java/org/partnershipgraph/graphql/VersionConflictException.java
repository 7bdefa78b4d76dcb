package org.partnershipgraph.graphql;

/** A change named a version that is no longer current; nothing was changed. */
public class VersionConflictException extends RuntimeException {

    private final long currentVersion;

    public VersionConflictException(String entityId, long expected, long current) {
        super(entityId + " is at version " + current + ", not " + expected
                + ": someone else changed it. Read it again, then retry with expectedVersion " + current + ".");
        this.currentVersion = current;
    }

    /** The entity's version now. */
    public long currentVersion() {
        return currentVersion;
    }
}
