package org.partnershipgraph.action;

import java.time.LocalDate;
import java.util.List;

/** Inputs and payloads of the action mutations, as the schema names them. */
public final class ActionInputs {

    private ActionInputs() {
    }

    /** Input of {@code createAction}. */
    public record CreateActionInput(String title, String description, ActionKind kind, String accountableTo,
            String ownerId, List<String> delivers, LocalDate startDate, LocalDate dueDate, Integer leadTimeDays,
            Double weight, String decisionId, LocalDate asOf, String reason) {
    }

    /** Input of {@code updateAction}. */
    public record UpdateActionInput(String id, Long expectedVersion, String title, String description,
            LocalDate startDate, LocalDate dueDate, String timescale, Integer leadTimeDays, Double weight,
            String accountableTo, String reason) {
    }

    /** Input of {@code recordProgress}. */
    public record RecordProgressInput(String actionId, Long expectedVersion, ActionStatus status, Rag rag,
            Integer percentComplete, String commentary, LocalDate completedDate, LocalDate date) {
    }

    /** Input of {@code assignOwner}. */
    public record AssignOwnerInput(String actionId, Long expectedVersion, String ownerId, String reason) {
    }

    /** Input of {@code addDependency} and {@code removeDependency}. */
    public record DependencyInput(String actionId, Long expectedVersion, String dependsOnId, String reason) {
    }

    /** Input of {@code addMilestone}. */
    public record AddMilestoneInput(String actionId, Long expectedVersion, String title, LocalDate dueDate, String timescale,
            String reason) {
    }

    /** Input of {@code reachMilestone}. */
    public record ReachMilestoneInput(String milestoneId, Long expectedVersion, LocalDate reachedDate, String reason) {
    }

    /** Input of {@code updateMilestone}: what is given changes, what is left out stays. */
    public record UpdateMilestoneInput(String milestoneId, Long expectedVersion, String title, LocalDate dueDate,
            String timescale, String reason) {
    }

    /** Input of {@code removeMilestone}. */
    public record RemoveMilestoneInput(String milestoneId, Long expectedVersion, String reason) {
    }

    /** Payload of {@code removeMilestone}: the id of the milestone removed, and its action as changed. */
    public record RemoveMilestonePayload(String milestoneId, Action action) {
    }

    /** Payload of the milestone mutations: the milestone and its action, as changed. */
    public record MilestonePayload(Milestone milestone, Action action) {
    }

    /** Payload carrying the changed action. */
    public record ActionPayload(Action action) {
    }

    /** Payload of {@code recordProgress}. */
    public record RecordProgressPayload(Action action, org.partnershipgraph.progress.ProgressUpdate update) {
    }

    /** Where an action comes from. */
    public enum ActionKind { ACTION_PLAN_ROW, MINUTED_ACTION, RECOMMENDATION, WORK_PROGRAMME_ITEM, COMMITMENT }
}
