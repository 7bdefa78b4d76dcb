package org.partnershipgraph.board;

import java.time.LocalDate;
import java.util.List;

import org.partnershipgraph.action.Action;

/** Inputs and payloads of the meeting and decision mutations. */
public final class BoardInputs {

    private BoardInputs() {
    }

    /** Input of {@code recordMeeting}. */
    public record RecordMeetingInput(String boardId, LocalDate date, String title, String location, List<String> attendeeIds) {
    }

    /** Input of {@code recordDecision}. */
    public record RecordDecisionInput(String meetingId, String text, String number) {
    }

    /** Input of {@code updateMeeting}: what is null stays as it is. */
    public record UpdateMeetingInput(String meetingId, Long expectedVersion, LocalDate date, String title, String location,
            List<String> attendeeIds, String reason) {
    }

    /** Input of {@code updateDecision}: what is null stays as it is. */
    public record UpdateDecisionInput(String decisionId, Long expectedVersion, String text, String number, String reason) {
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

    /** Result of {@code updateMeeting}. */
    public record UpdateMeetingPayload(Meeting meeting) {
    }

    /** Result of {@code updateDecision}. */
    public record UpdateDecisionPayload(Decision decision) {
    }

    /** Result of {@code linkDecision}. */
    public record LinkDecisionPayload(Decision decision, Action action) {
    }

    /** Input of {@code unlinkDecision}. */
    public record UnlinkDecisionInput(String actionId, Long expectedVersion, String reason) {
    }

    /** Result of {@code unlinkDecision}. */
    public record UnlinkDecisionPayload(Action action) {
    }
}
