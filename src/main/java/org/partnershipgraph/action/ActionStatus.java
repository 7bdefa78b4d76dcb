package org.partnershipgraph.action;

/** Normalised status of an action. */
public enum ActionStatus {
    NOT_STARTED, IN_PROGRESS, AT_RISK, OFF_TRACK, COMPLETE, ON_HOLD, CANCELLED, UNKNOWN
}
