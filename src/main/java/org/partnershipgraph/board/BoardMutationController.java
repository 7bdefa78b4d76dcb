package org.partnershipgraph.board;

import graphql.GraphQLContext;
import org.partnershipgraph.board.BoardInputs.LinkDecisionInput;
import org.partnershipgraph.board.BoardInputs.LinkDecisionPayload;
import org.partnershipgraph.board.BoardInputs.RecordDecisionInput;
import org.partnershipgraph.board.BoardInputs.RecordDecisionPayload;
import org.partnershipgraph.board.BoardInputs.RecordMeetingInput;
import org.partnershipgraph.board.BoardInputs.RecordMeetingPayload;
import org.partnershipgraph.board.BoardInputs.UpdateDecisionInput;
import org.partnershipgraph.board.BoardInputs.UpdateDecisionPayload;
import org.partnershipgraph.board.BoardInputs.UpdateMeetingInput;
import org.partnershipgraph.board.BoardInputs.UpdateMeetingPayload;
import org.partnershipgraph.graphql.TransientRetry;
import org.partnershipgraph.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Meeting and decision mutations. */
@Controller
public class BoardMutationController {

    private final MeetingCommands commands;

    BoardMutationController(MeetingCommands commands) {
        this.commands = commands;
    }

    @MutationMapping
    public RecordMeetingPayload recordMeeting(@Argument RecordMeetingInput input, GraphQLContext context) {
        return new RecordMeetingPayload(TransientRetry.run(() -> commands.recordMeeting(input, user(context))));
    }

    @MutationMapping
    public RecordDecisionPayload recordDecision(@Argument RecordDecisionInput input, GraphQLContext context) {
        return new RecordDecisionPayload(TransientRetry.run(() -> commands.recordDecision(input, user(context))));
    }

    @MutationMapping
    public UpdateMeetingPayload updateMeeting(@Argument UpdateMeetingInput input, GraphQLContext context) {
        return new UpdateMeetingPayload(TransientRetry.run(() -> commands.updateMeeting(input, user(context))));
    }

    @MutationMapping
    public UpdateDecisionPayload updateDecision(@Argument UpdateDecisionInput input, GraphQLContext context) {
        return new UpdateDecisionPayload(TransientRetry.run(() -> commands.updateDecision(input, user(context))));
    }

    @MutationMapping
    public BoardInputs.UnlinkDecisionPayload unlinkDecision(@Argument BoardInputs.UnlinkDecisionInput input,
            GraphQLContext context) {
        return new BoardInputs.UnlinkDecisionPayload(TransientRetry.run(() -> commands.unlinkDecision(input, user(context))));
    }

    @MutationMapping
    public LinkDecisionPayload linkDecision(@Argument LinkDecisionInput input, GraphQLContext context) {
        return TransientRetry.run(() -> commands.linkDecision(input, user(context)));
    }

    private static CurrentUser user(GraphQLContext context) {
        return context.getOrDefault(CurrentUser.class, CurrentUser.ANONYMOUS);
    }
}
