package org.partnershipgraph.board;

import static org.partnershipgraph.graphql.TextInputs.line;
import static org.partnershipgraph.graphql.TextInputs.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipgraph.action.Action;
import org.partnershipgraph.action.ActionCommands;
import org.partnershipgraph.audit.FieldChange;
import org.partnershipgraph.audit.History;
import org.partnershipgraph.board.BoardInputs.LinkDecisionInput;
import org.partnershipgraph.board.BoardInputs.RecordDecisionInput;
import org.partnershipgraph.board.BoardInputs.RecordMeetingInput;
import org.partnershipgraph.board.BoardInputs.UpdateDecisionInput;
import org.partnershipgraph.board.BoardInputs.UpdateMeetingInput;
import org.partnershipgraph.graphql.BusinessIds;
import org.partnershipgraph.graphql.EntityLabels;
import org.partnershipgraph.graphql.NotFoundException;
import org.partnershipgraph.graphql.ValidationException;
import org.partnershipgraph.graphql.VersionConflictException;
import org.partnershipgraph.security.BoardScopes;
import org.partnershipgraph.security.CurrentUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Meetings and decisions: recorded by the secretariats of their boards, each with its history entry. */
@Service
public class MeetingCommands {

    /** Longest minute number a decision may have ("7 (second item numbered 7)" is 26). */
    static final int MAX_NUMBER = 40;

    /** Most people a meeting may be recorded with. */
    static final int MAX_ATTENDEES = 200;

    private final MeetingRepository meetings;
    private final DecisionRepository decisions;
    private final Neo4jClient neo4j;
    private final BoardScopes scopes;
    private final History history;
    private final ActionCommands actions;
    private final BoardQueries queries;
    private final Clock clock;
    private final EntityLabels labels;

    MeetingCommands(MeetingRepository meetings, DecisionRepository decisions, Neo4jClient neo4j, BoardScopes scopes,
            History history, ActionCommands actions, BoardQueries queries, Clock clock, EntityLabels labels) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.neo4j = neo4j;
        this.scopes = scopes;
        this.history = history;
        this.actions = actions;
        this.queries = queries;
        this.clock = clock;
        this.labels = labels;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Meeting recordMeeting(RecordMeetingInput input, CurrentUser user) {
        labels.require("boardId", input.boardId(), Set.of("Board"));
        scopes.requireCanChange(user, input.boardId());
        String title = line("title", input.title(), ActionCommands.MAX_TITLE, false);
        String location = line("location", input.location(), ActionCommands.MAX_TITLE, false);
        List<String> attendees = attendees(input.attendeeIds());
        requireMetIfAttended(input.date(), attendees);
        requireNoSameMeeting(input.boardId(), input.date(), title, null);
        String id = BusinessIds.next("meeting");
        meetings.save(new MeetingEntity(id, input.date(), title, location));
        neo4j.query(BoardCypher.SET_MEETING_BOARD).bindAll(Map.of("id", id, "board", input.boardId())).run();
        if (!attendees.isEmpty()) {
            neo4j.query(BoardCypher.REPLACE_ATTENDEES).bindAll(Map.of("id", id, "people", attendees)).run();
        }
        history.record(id, "recordMeeting", Arrays.asList(FieldChange.of("board", null, input.boardId()),
                FieldChange.of("date", null, input.date()), FieldChange.of("title", null, title),
                FieldChange.of("location", null, location),
                FieldChange.of("attendees", null, attendees.isEmpty() ? null : String.join(", ", attendees))), null, user);
        history.recordLink(input.boardId(), "recordMeeting", "meeting", null, id, null, user);
        return queries.meeting(id).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Decision recordDecision(RecordDecisionInput input, CurrentUser user) {
        Optional<String> board = boardOf(BoardCypher.MEETING_BOARD_ID, input.meetingId());
        if (board == null) {
            throw new ValidationException("meetingId", "no meeting has id " + input.meetingId());
        }
        scopes.requireCanChange(user, board.orElse(null));
        String text = text("text", input.text(), ActionCommands.MAX_TEXT, false);
        if (text == null || text.isEmpty()) {
            throw new ValidationException("text", "must say what was resolved");
        }
        String number = line("number", input.number(), MAX_NUMBER, false);
        Record same = sameDecision(input.meetingId(), text, number, null);
        LocalDate met = same.get("date").asLocalDate();
        if (met.isAfter(LocalDate.now(clock))) {
            throw new ValidationException("meetingId", input.meetingId() + " is on " + met
                    + ", after today: record its decisions once it has met (or correct a mistyped date with updateMeeting)");
        }
        String id = BusinessIds.next("decision");
        decisions.save(new DecisionEntity(id, text, number));
        neo4j.query(BoardCypher.SET_DECISION_MEETING).bindAll(Map.of("id", id, "meeting", input.meetingId())).run();
        history.record(id, "recordDecision", Arrays.asList(FieldChange.of("meeting", null, input.meetingId()),
                FieldChange.of("text", null, text), FieldChange.of("number", null, number)), null, user);
        history.recordLink(input.meetingId(), "recordDecision", "decision", null, id, null, user);
        return decision(id);
    }

    /**
     * Corrects a meeting's date, title, location or the people present (null leaves one as it is, a
     * blank title or location removes it, an empty list of people removes them all), at the expected
     * version, with a history entry of the values before and after; a call that changes nothing
     * makes no new version.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Meeting updateMeeting(UpdateMeetingInput input, CurrentUser user) {
        Record found = lock(BoardCypher.LOCK_MEETING, "meeting", "m", input.meetingId(), input.expectedVersion(), user);
        Meeting before = Meeting.from(found.get("m").asNode());
        LocalDate date = input.date() == null ? before.date() : input.date();
        String title = input.title() == null ? before.title() : line("title", input.title(), ActionCommands.MAX_TITLE, false);
        String location = input.location() == null ? before.location()
                : line("location", input.location(), ActionCommands.MAX_TITLE, false);
        String reason = text("reason", input.reason(), ActionCommands.MAX_TEXT, false);
        List<String> present = found.get("attendees").asList(Value::asString);
        List<String> attendees = input.attendeeIds() == null ? present : attendees(input.attendeeIds());
        List<FieldChange> changes = Arrays.asList(FieldChange.of("date", before.date(), date),
                FieldChange.of("title", before.title(), title), FieldChange.of("location", before.location(), location),
                FieldChange.of("attendees", present.isEmpty() ? null : String.join(", ", present),
                        attendees.isEmpty() ? null : String.join(", ", attendees)));
        if (changes.stream().allMatch(Objects::isNull)) {
            return before;
        }
        if (date.isAfter(LocalDate.now(clock))) {
            if (!date.equals(before.date()) && found.get("decided").asBoolean()) {
                throw new ValidationException("date", before.id() + " has decisions recorded: it cannot move to " + date
                        + ", after today");
            }
            if (input.attendeeIds() != null) {
                requireMetIfAttended(date, attendees);
            }
            if (!attendees.isEmpty() && !date.equals(before.date())) {
                throw new ValidationException("date", before.id() + " has people recorded as present: it cannot move to "
                        + date + ", after today");
            }
        }
        if (!found.get("board").isNull()) {
            requireNoSameMeeting(found.get("board").asString(), date, title, before.id());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", before.id());
        params.put("date", date);
        params.put("title", title);
        params.put("location", location);
        Meeting after = neo4j.query(BoardCypher.UPDATE_MEETING).bindAll(params).fetchAs(Meeting.class)
                .mappedBy((t, r) -> Meeting.from(r.get("m").asNode())).one().orElseThrow();
        if (!attendees.equals(present)) {
            neo4j.query(BoardCypher.REPLACE_ATTENDEES).bindAll(Map.of("id", before.id(), "people", attendees)).run();
        }
        history.record(before.id(), "updateMeeting", changes, reason, user);
        return after;
    }

    /**
     * Corrects a decision's text or number (null leaves one as it is; the text cannot be blank, a
     * blank number removes it), at the expected version, with a history entry of the values before
     * and after; a call that changes nothing makes no new version.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Decision updateDecision(UpdateDecisionInput input, CurrentUser user) {
        Record found = lock(BoardCypher.LOCK_DECISION, "decision", "d", input.decisionId(), input.expectedVersion(), user);
        Decision before = Decision.from(found.get("d").asNode());
        String text = input.text() == null ? before.text() : text("text", input.text(), ActionCommands.MAX_TEXT, true);
        String number = input.number() == null ? before.number() : line("number", input.number(), MAX_NUMBER, false);
        String reason = text("reason", input.reason(), ActionCommands.MAX_TEXT, false);
        List<FieldChange> changes = Arrays.asList(FieldChange.of("text", before.text(), text),
                FieldChange.of("number", before.number(), number));
        if (changes.stream().allMatch(Objects::isNull)) {
            return before;
        }
        if (!(text.equals(before.text()) && Objects.equals(number, before.number())) && !found.get("meeting").isNull()) {
            sameDecision(found.get("meeting").asString(), text, number, before.id());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", before.id());
        params.put("text", text);
        params.put("number", number);
        Decision after = neo4j.query(BoardCypher.UPDATE_DECISION).bindAll(params).fetchAs(Decision.class)
                .mappedBy((t, r) -> Decision.from(r.get("d").asNode())).one().orElseThrow();
        history.record(before.id(), "updateDecision", changes, reason, user);
        return after;
    }

    /**
     * The row of a {@code LOCK_MEETING} or {@code LOCK_DECISION} statement for {@code id}, once the
     * caller's scope over its board and the expected version are checked: NOT_FOUND when there is
     * no such {@code kind}, FORBIDDEN out of scope, VERSION_CONFLICT at another version.
     */
    private Record lock(String cypher, String kind, String column, String id, Long expectedVersion, CurrentUser user) {
        if (expectedVersion == null) {
            throw new ValidationException("expectedVersion", "is required: pass the version you last read");
        }
        Record found = neo4j.query(cypher).bindAll(Map.of("id", id)).fetchAs(Record.class).mappedBy((t, r) -> r).one()
                .orElseThrow(() -> new NotFoundException("No " + kind + " has id " + id));
        scopes.requireCanChange(user, found.get("board").isNull() ? null : found.get("board").asString());
        long current = found.get(column).asNode().get("version").asLong(0);
        if (current != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, current);
        }
        return found;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public BoardInputs.LinkDecisionPayload linkDecision(LinkDecisionInput input, CurrentUser user) {
        scopes.requireCanChange(user, actions.boardOfDecision(input.decisionId()).orElse(null));
        Action action = actions.linkDecision(input.decisionId(), input.actionId(), input.expectedVersion(), input.reason(), user);
        return new BoardInputs.LinkDecisionPayload(decision(input.decisionId()), action);
    }

    /**
     * The row of {@code SAME_DECISION} for meeting {@code meetingId} (its lock taken), once no
     * decision of it but {@code self} has {@code text} under {@code number}: VALIDATION naming the
     * one that has.
     */
    private Record sameDecision(String meetingId, String text, String number, String self) {
        Map<String, Object> params = new HashMap<>();
        params.put("meeting", meetingId);
        params.put("text", text);
        params.put("number", number);
        params.put("self", self);
        Record same = neo4j.query(BoardCypher.SAME_DECISION).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r)
                .one().orElseThrow();
        if (!same.get("existing").isNull()) {
            throw new ValidationException("text", meetingId + " took this decision already, recorded as "
                    + same.get("existing").asString());
        }
        return same;
    }

    /** VALIDATION on {@code attendeeIds} when people are given as present at a meeting dated after today. */
    private void requireMetIfAttended(LocalDate date, List<String> attendees) {
        if (!attendees.isEmpty() && date.isAfter(LocalDate.now(clock))) {
            throw new ValidationException("attendeeIds", "the meeting is on " + date
                    + ", after today: record who was present, with updateMeeting, once it has met");
        }
    }

    /**
     * {@code ids} without repeats and in id order, each a person's (VALIDATION naming those that are
     * not), at most {@link #MAX_ATTENDEES}.
     */
    private List<String> attendees(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.stream().anyMatch(String::isBlank)) {
            throw new ValidationException("attendeeIds", "an id is blank");
        }
        List<String> distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_ATTENDEES) {
            throw new ValidationException("attendeeIds", distinct.size() + " people; at most " + MAX_ATTENDEES);
        }
        List<String> missing = neo4j.query(BoardCypher.MISSING_PEOPLE).bindAll(Map.of("ids", distinct)).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("missing")).one().orElseThrow().asList(Value::asString);
        if (!missing.isEmpty()) {
            throw new ValidationException("attendeeIds", "no person has id " + String.join(", ", missing));
        }
        return distinct.stream().sorted().toList();
    }

    /**
     * Takes board {@code board}'s lock, then refuses with VALIDATION a meeting of it, other than
     * {@code self} (null for none), on {@code date} with {@code title} ({@code SAME_MEETING}).
     */
    private void requireNoSameMeeting(String board, LocalDate date, String title, String self) {
        Map<String, Object> params = new HashMap<>();
        params.put("board", board);
        params.put("date", date);
        params.put("title", title);
        params.put("self", self);
        Value found = neo4j.query(BoardCypher.SAME_MEETING).bindAll(params).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("existing")).one().orElseThrow();
        if (!found.isNull()) {
            throw new ValidationException("date", "the meeting of " + board + " on " + date
                    + (title == null ? "" : " titled \"" + title + "\"") + " is recorded already, as " + found.asString());
        }
    }

    /** Unlinks every decision from an action: see {@link ActionCommands#unlinkDecision}. */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action unlinkDecision(BoardInputs.UnlinkDecisionInput input, CurrentUser user) {
        return actions.unlinkDecision(input.actionId(), input.expectedVersion(), input.reason(), user);
    }

    /** The board id of a meeting or decision: null when the entity does not exist, empty when it has no board. */
    private Optional<String> boardOf(String cypher, String id) {
        return neo4j.query(cypher).bindAll(Map.of("id", id)).fetchAs(Value.class).mappedBy((t, r) -> r.get("board"))
                .one().map(v -> v.isNull() ? Optional.<String>empty() : Optional.of(v.asString())).orElse(null);
    }

    private Decision decision(String id) {
        return neo4j.query(BoardCypher.DECISION).bindAll(Map.of("id", id)).fetchAs(Decision.class)
                .mappedBy((t, r) -> Decision.from(r.get("d").asNode())).one().orElseThrow();
    }
}
