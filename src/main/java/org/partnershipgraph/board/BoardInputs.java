package org.partnershipgraph.board;

import java.time.LocalDate;

import org.partnershipgraph.action.Action;

/** Inputs and payloads of the meeting and decision mutations. */
public final class BoardInputs {

    private BoardInputs() {
    }

    /** Input of {@code recordMeeting}. */
    public record RecordMeetingInput(String boardId, LocalDate date, String title, String location) {
    }

    /** Input of {@code recordDecision}. */
    public record RecordDecisionInput(String meetingId, String text, String number) {
    }

    /** Input of {@code linkDecision}. */
    public record LinkDecisionInput(String decisionId, String actionId, Long expectedVersion, String reason) {
    }

    /** Result of {@code recordMeeting}. */
    public record RecordMeetingPayload(Meeting meeting) {
    }

    /** Result of {@code recordDecision}. */
    public record RecordDecisionPayload(Decision decision) {
    }

    /** Result of {@code linkDecision}. */
    public record LinkDecisionPayload(Decision decision, Action action) {
    }
}
