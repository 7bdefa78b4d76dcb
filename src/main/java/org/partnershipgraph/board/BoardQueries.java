package org.partnershipgraph.board;

import org.partnershipgraph.strategy.Strategy;
import org.partnershipgraph.organisation.Person;
import org.partnershipgraph.organisation.Organisation;
import org.partnershipgraph.action.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnershipgraph.graphql.BadRequestException;
import org.partnershipgraph.graphql.Batches;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.Connections;
import org.partnershipgraph.graphql.EntityTypes;
import org.partnershipgraph.graphql.OrderDirection;
import org.partnershipgraph.graphql.PageRequest;
import org.partnershipgraph.graphql.TextInputs;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read queries of boards, meetings and decisions; each method is one Cypher round trip. */
@Component
@Transactional(readOnly = true)
class BoardQueries {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    BoardQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Optional<Board> board(String id) {
        return neo4j.query(BoardCypher.BOARD).bindAll(Map.of("id", id))
                .fetchAs(Board.class).mappedBy((t, r) -> Board.from(r.get("b").asNode())).one();
    }

    Connection<Board> boards(PageRequest page, BoardFilter filter, BoardOrder order) {
        Map<String, Object> params = new HashMap<>();
        params.put("kinds", filter == null || filter.kind() == null ? null
                : filter.kind().stream().map(Enum::name).toList());
        params.put("name", filter == null ? null : TextInputs.filter(filter.name()));
        params.put("reportsTo", filter == null ? null : filter.reportsTo());
        BoardOrder.Field field = order == null || order.field() == null ? BoardOrder.Field.NAME : order.field();
        boolean descending = order != null && order.direction() == OrderDirection.DESC;
        return Connections.page(neo4j, BoardCypher.BOARDS, params, page, field.name(), descending, Board::from);
    }

    Optional<Meeting> meeting(String id) {
        return neo4j.query(BoardCypher.MEETING).bindAll(Map.of("id", id))
                .fetchAs(Meeting.class).mappedBy((t, r) -> Meeting.from(r.get("m").asNode())).one();
    }

    Connection<Meeting> meetings(PageRequest page, MeetingFilter filter, MeetingOrder order) {
        if (filter != null && filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new BadRequestException("filter.from (" + filter.from() + ") is after filter.to (" + filter.to() + ")");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("board", filter == null ? null : filter.board());
        params.put("from", filter == null ? null : filter.from());
        params.put("to", filter == null ? null : filter.to());
        MeetingOrder.Field field = order == null || order.field() == null ? MeetingOrder.Field.DATE : order.field();
        boolean descending = order == null || order.direction() != OrderDirection.ASC;
        return Connections.page(neo4j, BoardCypher.MEETINGS, params, page, field.name(), descending, Meeting::from);
    }

    Map<Board, List<Board>> reportsTo(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.REPORTS_TO, boards, (r, v) -> Board.from(v.asNode()));
    }

    Map<Board, List<ReportingLine>> reportingLines(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.REPORTING_LINES, boards, (r, v) -> ReportingLine.from(v));
    }

    Map<Board, List<Board>> subBoards(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.SUB_BOARDS, boards, (r, v) -> Board.from(v.asNode()));
    }

    Map<Board, List<Object>> chairs(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.CHAIRS, boards, (r, v) -> types.map(v.asNode()));
    }

    Map<Board, Organisation> hostedBy(List<Board> boards) {
        return Batches.single(neo4j, BoardCypher.HOSTED_BY, boards, (r, v) -> Organisation.from(v.asNode()));
    }

    Map<Board, List<Organisation>> members(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.MEMBERS, boards, (r, v) -> Organisation.from(v.asNode()));
    }

    Map<Board, List<Strategy>> strategies(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.STRATEGIES, boards, (r, v) -> Strategy.from(v.asNode()));
    }

    Map<Board, List<Meeting>> meetingsOf(List<Board> boards) {
        return Batches.lists(neo4j, BoardCypher.BOARD_MEETINGS, boards, (r, v) -> Meeting.from(v.asNode()));
    }

    Map<Meeting, Board> meetingBoard(List<Meeting> meetings) {
        return Batches.single(neo4j, BoardCypher.MEETING_BOARD, meetings, (r, v) -> Board.from(v.asNode()));
    }

    Map<Meeting, List<Person>> attendees(List<Meeting> meetings) {
        return Batches.lists(neo4j, BoardCypher.ATTENDEES, meetings, (r, v) -> Person.from(v.asNode()));
    }

    Map<Meeting, List<Decision>> decisions(List<Meeting> meetings) {
        return Batches.lists(neo4j, BoardCypher.DECISIONS, meetings, (r, v) -> Decision.from(v.asNode()));
    }

    Map<Decision, Meeting> decisionMeeting(List<Decision> decisions) {
        return Batches.single(neo4j, BoardCypher.DECISION_MEETING, decisions, (r, v) -> Meeting.from(v.asNode()));
    }

    Map<Decision, List<Action>> decisionActions(List<Decision> decisions) {
        return Batches.lists(neo4j, BoardCypher.DECISION_ACTIONS, decisions, (r, v) -> Action.from(v.asNode()));
    }
}
