package org.partnershipgraph.board;

import org.partnershipgraph.strategy.Strategy;
import org.partnershipgraph.organisation.Person;
import org.partnershipgraph.organisation.Organisation;
import org.partnershipgraph.action.Action;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of boards, meetings and decisions. */
@Controller
public class BoardController {

    private final BoardQueries queries;

    BoardController(BoardQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public Board board(@Argument String id) {
        return queries.board(id).orElse(null);
    }

    @QueryMapping
    public Connection<Board> boards(@Argument Integer first, @Argument String after, @Argument BoardFilter filter,
            @Argument BoardOrder orderBy) {
        return queries.boards(PageRequest.of(first, after), filter, orderBy);
    }

    @QueryMapping
    public Meeting meeting(@Argument String id) {
        return queries.meeting(id).orElse(null);
    }

    @QueryMapping
    public Connection<Meeting> meetings(@Argument Integer first, @Argument String after,
            @Argument MeetingFilter filter, @Argument MeetingOrder orderBy) {
        return queries.meetings(PageRequest.of(first, after), filter, orderBy);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, List<Board>> reportsTo(List<Board> boards) {
        return queries.reportsTo(boards);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, List<ReportingLine>> reportingLines(List<Board> boards) {
        return queries.reportingLines(boards);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, List<Board>> subBoards(List<Board> boards) {
        return queries.subBoards(boards);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, List<Object>> chairs(List<Board> boards) {
        return queries.chairs(boards);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, Object> chair(List<Board> boards) {
        Map<Board, Object> first = new LinkedHashMap<>();
        queries.chairs(boards).forEach((board, chairs) -> {
            if (!chairs.isEmpty()) {
                first.put(board, chairs.getFirst());
            }
        });
        return first;
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, Organisation> hostedBy(List<Board> boards) {
        return queries.hostedBy(boards);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, List<Organisation>> members(List<Board> boards) {
        return queries.members(boards);
    }

    @BatchMapping(typeName = "Board")
    public Map<Board, List<Strategy>> strategies(List<Board> boards) {
        return queries.strategies(boards);
    }

    @BatchMapping(typeName = "Board", field = "meetings")
    public Map<Board, List<Meeting>> meetingsOf(List<Board> boards) {
        return queries.meetingsOf(boards);
    }

    @BatchMapping(typeName = "Meeting", field = "board")
    public Map<Meeting, Board> meetingBoard(List<Meeting> meetings) {
        return queries.meetingBoard(meetings);
    }

    @BatchMapping(typeName = "Meeting")
    public Map<Meeting, List<Person>> attendees(List<Meeting> meetings) {
        return queries.attendees(meetings);
    }

    @BatchMapping(typeName = "Meeting")
    public Map<Meeting, List<Decision>> decisions(List<Meeting> meetings) {
        return queries.decisions(meetings);
    }

    @BatchMapping(typeName = "Decision", field = "meeting")
    public Map<Decision, Meeting> decisionMeeting(List<Decision> decisions) {
        return queries.decisionMeeting(decisions);
    }

    @BatchMapping(typeName = "Decision", field = "actions")
    public Map<Decision, List<Action>> decisionActions(List<Decision> decisions) {
        return queries.decisionActions(decisions);
    }
}
