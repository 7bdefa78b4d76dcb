package org.partnershipgraph.action;

/** Red, amber or green rating. */
public enum Rag {
    RED, AMBER, GREEN
}
