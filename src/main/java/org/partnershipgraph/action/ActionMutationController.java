package org.partnershipgraph.action;

import graphql.GraphQLContext;
import org.partnershipgraph.action.ActionInputs.ActionPayload;
import org.partnershipgraph.action.ActionInputs.AddMilestoneInput;
import org.partnershipgraph.action.ActionInputs.AssignOwnerInput;
import org.partnershipgraph.action.ActionInputs.CreateActionInput;
import org.partnershipgraph.action.ActionInputs.DependencyInput;
import org.partnershipgraph.action.ActionInputs.MilestonePayload;
import org.partnershipgraph.action.ActionInputs.ReachMilestoneInput;
import org.partnershipgraph.action.ActionInputs.RemoveMilestoneInput;
import org.partnershipgraph.action.ActionInputs.RemoveMilestonePayload;
import org.partnershipgraph.action.ActionInputs.UpdateMilestoneInput;
import org.partnershipgraph.action.ActionInputs.RecordProgressInput;
import org.partnershipgraph.action.ActionInputs.RecordProgressPayload;
import org.partnershipgraph.action.ActionInputs.UpdateActionInput;
import org.partnershipgraph.graphql.EntityLabels;
import org.partnershipgraph.graphql.TextInputs;
import org.partnershipgraph.graphql.TransientRetry;
import org.partnershipgraph.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Action mutations and the {@code actionChanged} subscription. */
@Controller
public class ActionMutationController {

    private final ActionCommands commands;
    private final ActionEvents events;
    private final EntityLabels labels;

    ActionMutationController(ActionCommands commands, ActionEvents events, EntityLabels labels) {
        this.commands = commands;
        this.events = events;
        this.labels = labels;
    }

    @MutationMapping
    public MilestonePayload addMilestone(@Argument AddMilestoneInput input, GraphQLContext context) {
        return TransientRetry.run(() -> commands.addMilestone(input, user(context)));
    }

    @MutationMapping
    public MilestonePayload reachMilestone(@Argument ReachMilestoneInput input, GraphQLContext context) {
        return TransientRetry.run(() -> commands.reachMilestone(input, user(context)));
    }

    @MutationMapping
    public MilestonePayload updateMilestone(@Argument UpdateMilestoneInput input, GraphQLContext context) {
        return TransientRetry.run(() -> commands.updateMilestone(input, user(context)));
    }

    @MutationMapping
    public RemoveMilestonePayload removeMilestone(@Argument RemoveMilestoneInput input, GraphQLContext context) {
        return TransientRetry.run(() -> commands.removeMilestone(input, user(context)));
    }

    @MutationMapping
    public ActionPayload createAction(@Argument CreateActionInput input, GraphQLContext context) {
        return new ActionPayload(TransientRetry.run(() -> commands.create(input, user(context))));
    }

    @MutationMapping
    public ActionPayload updateAction(@Argument UpdateActionInput input, GraphQLContext context) {
        return new ActionPayload(TransientRetry.run(() -> commands.update(input, user(context))));
    }

    @MutationMapping
    public RecordProgressPayload recordProgress(@Argument RecordProgressInput input, GraphQLContext context) {
        return TransientRetry.run(() -> commands.recordProgress(input, user(context)));
    }

    @MutationMapping
    public ActionPayload assignOwner(@Argument AssignOwnerInput input, GraphQLContext context) {
        return new ActionPayload(TransientRetry.run(() -> commands.assignOwner(input, user(context))));
    }

    @MutationMapping
    public ActionPayload addDependency(@Argument DependencyInput input, GraphQLContext context) {
        return new ActionPayload(TransientRetry.run(() -> commands.addDependency(input, user(context))));
    }

    @MutationMapping
    public ActionPayload removeDependency(@Argument DependencyInput input, GraphQLContext context) {
        return new ActionPayload(TransientRetry.run(() -> commands.removeDependency(input, user(context))));
    }

    @SubscriptionMapping
    public Flux<ActionChange> actionChanged(@Argument String boardId, GraphQLContext context) {
        if (boardId != null) {
            TextInputs.requireNoBlankId("boardId", boardId, false);
            labels.requireFound(boardId, "Board", "subscribe with a board's id, or with none for every change");
        }
        SubscriberConnection connection = context.get(SubscriberConnection.class);
        return events.changes(boardId, connection == null ? null : connection.id());
    }

    private static CurrentUser user(GraphQLContext context) {
        return context.getOrDefault(CurrentUser.class, CurrentUser.ANONYMOUS);
    }
}
