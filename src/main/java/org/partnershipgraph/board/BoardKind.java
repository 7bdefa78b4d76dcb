package org.partnershipgraph.board;

/** What sort of governance body it is. */
public enum BoardKind {
    BOARD, COMMITTEE, SUB_COMMITTEE, PARTNERSHIP, ALLIANCE, EXECUTIVE, CABINET, COUNCIL, GROUP, STEERING_GROUP,
    WORKING_GROUP, TASK_AND_FINISH_GROUP, PANEL, NETWORK, FORUM
}
