package org.partnershipgraph.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * A roll-up of the actions in a scope.
 *
 * @param scope        the scope's read record (strategy, domain, priority, board or organisation)
 * @param scopeId      the scope's id, for {@code trend}
 * @param asOf         the date the figures are as of
 * @param total        number of actions
 * @param byStatus     actions per status, statuses with none left out
 * @param byRag        actions per RAG rating
 * @param unrated      actions with no rating
 * @param complete     COMPLETE actions
 * @param percentComplete         complete over all but CANCELLED, in percent
 * @param weightedPercentComplete weighted mean of each action's percent complete
 * @param overdue      open actions past due
 * @param stale        open actions not updated within the reporting cycle
 * @param children     the same for each child of the scope
 */
public record Progress(Object scope, String scopeId, LocalDate asOf, int total, List<StatusCount> byStatus,
        List<RagCount> byRag, int unrated, int complete, double percentComplete, double weightedPercentComplete,
        int overdue, int stale, List<Progress> children) {
}
