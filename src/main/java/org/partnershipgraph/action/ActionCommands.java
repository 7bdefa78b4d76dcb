package org.partnershipgraph.action;

import static org.partnershipgraph.graphql.TextInputs.line;
import static org.partnershipgraph.graphql.TextInputs.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.TypeSystem;
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
import org.partnershipgraph.audit.FieldChange;
import org.partnershipgraph.audit.History;
import org.partnershipgraph.graphql.BusinessIds;
import org.partnershipgraph.graphql.EntityLabels;
import org.partnershipgraph.graphql.NotFoundException;
import org.partnershipgraph.graphql.ValidationException;
import org.partnershipgraph.graphql.VersionConflictException;
import org.partnershipgraph.progress.ProgressUpdate;
import org.partnershipgraph.security.BoardScopes;
import org.partnershipgraph.security.CurrentUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.mapping.Neo4jMappingContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to actions. Each method is one transaction that locks what it changes, checks the
 * caller's scope and the expected version, validates the input, and writes the change and its
 * history entry (which is what {@link ActionEvents} delivers to subscribers, once committed); a
 * failure anywhere writes nothing.
 */
@Service
public class ActionCommands {

    /** Longest title. */
    public static final int MAX_TITLE = 300;

    /** Longest description, commentary or reason. */
    public static final int MAX_TEXT = 4000;

    /** Heaviest weight an action may carry in roll-ups. */
    static final double MAX_WEIGHT = 1000;

    private static final Set<String> OWNER_LABELS = Set.of("Post", "Person", "Organisation", "Board");
    private static final Set<String> DELIVERABLE_LABELS = Set.of("Strategy", "Domain", "Priority");

    private final ActionRepository repository;
    private final Neo4jClient neo4j;
    private final History history;
    private final BoardScopes scopes;
    private final Dependencies dependencies;
    private final ActionEvents events;
    private final Clock clock;
    private final EntityLabels labels;
    /** Spring Data Neo4j's own mapping of a node into the entity, as its repository would map it. */
    private final BiFunction<TypeSystem, MapAccessor, ActionEntity> entityMapping;

    ActionCommands(ActionRepository repository, Neo4jClient neo4j, Neo4jMappingContext mappingContext, History history,
            BoardScopes scopes, Dependencies dependencies, ActionEvents events, Clock clock, EntityLabels labels) {
        this.repository = repository;
        this.neo4j = neo4j;
        this.entityMapping = mappingContext.getRequiredMappingFunctionFor(ActionEntity.class);
        this.history = history;
        this.scopes = scopes;
        this.dependencies = dependencies;
        this.events = events;
        this.clock = clock;
        this.labels = labels;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action create(CreateActionInput input, CurrentUser user) {
        String title = line("title", input.title(), MAX_TITLE, true);
        String description = text("description", input.description(), MAX_TEXT, false);
        text("reason", input.reason(), MAX_TEXT, false);
        labels.require("accountableTo", input.accountableTo(), Set.of("Board"));
        scopes.requireCanChange(user, input.accountableTo());
        if (input.ownerId() != null) {
            labels.require("ownerId", input.ownerId(), OWNER_LABELS);
        }
        List<String> delivers = input.delivers() == null ? List.of() : input.delivers().stream().distinct().toList();
        for (String target : delivers) {
            labels.require("delivers", target, DELIVERABLE_LABELS);
        }
        if (input.decisionId() != null) {
            scopes.requireCanChange(user, boardOfDecision(input.decisionId()).orElse(null));
        }
        requireOrder(input.startDate(), input.dueDate(), "dueDate");
        LocalDate today = LocalDate.now(clock);
        if (input.asOf() != null && input.asOf().isAfter(today)) {
            throw new ValidationException("asOf", "cannot be in the future (" + input.asOf()
                    + "): leave it out for an action agreed today");
        }
        LocalDate asOf = input.asOf() == null ? today : input.asOf();
        requireNoSameAction(input.accountableTo(), title, asOf, input.dueDate(), input.decisionId());
        String id = BusinessIds.next("action");
        String kind = (input.kind() == null ? ActionInputs.ActionKind.COMMITMENT : input.kind()).name();
        ActionEntity entity = new ActionEntity(id, title, kind, ActionStatus.NOT_STARTED.name(), asOf);
        entity.setDescription(description);
        entity.setStartDate(input.startDate());
        entity.setDueDate(input.dueDate());
        entity.setLeadTimeDays(leadTimeDays(input.leadTimeDays()));
        entity.setWeight(weight(input.weight()));
        repository.save(entity);
        run(ActionCypher.SET_ACCOUNTABLE, Map.of("id", id, "board", input.accountableTo()));
        if (input.ownerId() != null) {
            run(ActionCypher.SET_OWNER, Map.of("id", id, "owner", input.ownerId()));
        }
        if (!delivers.isEmpty()) {
            run(ActionCypher.SET_DELIVERS, Map.of("id", id, "targets", delivers));
        }
        if (input.decisionId() != null) {
            run(ActionCypher.SET_CREATED_BY, Map.of("id", id, "decision", input.decisionId()));
        }
        addUpdate(id, asOf, ActionStatus.NOT_STARTED.name(), null, null, "Created", null, user);
        record(id, "createAction", Arrays.asList(FieldChange.of("title", null, title),
                FieldChange.of("description", null, description), FieldChange.of("kind", null, kind),
                FieldChange.of("accountableTo", null, input.accountableTo()),
                FieldChange.of("ownerId", null, input.ownerId()), FieldChange.of("startDate", null, input.startDate()),
                FieldChange.of("dueDate", null, input.dueDate()),
                FieldChange.of("leadTimeDays", null, input.leadTimeDays()), FieldChange.of("weight", null, input.weight()),
                FieldChange.of("delivers", null, delivers.isEmpty() ? null : String.join(", ", delivers)),
                FieldChange.of("decision", null, input.decisionId()),
                FieldChange.of("status", null, ActionStatus.NOT_STARTED.name()), FieldChange.of("asOf", null, asOf)),
                input.reason(), user);
        if (input.decisionId() != null) {
            otherEnd(input.decisionId(), "createAction", "action", null, id, input.reason(), user);
        }
        return reload(id);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action update(UpdateActionInput input, CurrentUser user) {
        Locked locked = lock(input.id(), input.expectedVersion(), user);
        ActionEntity entity = locked.entity();
        String title = input.title() == null ? entity.getTitle() : line("title", input.title(), MAX_TITLE, true);
        String description = input.description() == null ? entity.getDescription()
                : text("description", input.description(), MAX_TEXT, false);
        String timescale = timescaleAfter(input.timescale(), input.dueDate(), entity.getDueDate(), entity.getTimescale());
        text("reason", input.reason(), MAX_TEXT, false);
        LocalDate start = input.startDate() == null ? entity.getStartDate() : input.startDate();
        LocalDate due = input.dueDate() == null ? entity.getDueDate() : input.dueDate();
        requireOrder(start, due, input.dueDate() == null && input.startDate() != null ? "startDate" : "dueDate");
        if (input.startDate() != null && entity.getCompletedDate() != null && start.isAfter(entity.getCompletedDate())) {
            throw new ValidationException("startDate", "must not be after the date the action was completed ("
                    + entity.getCompletedDate() + "), was " + start);
        }
        if (input.startDate() != null && (entity.getStartDate() == null || start.isAfter(entity.getStartDate()))) {
            requireNoMilestoneReachedBefore(input.id(), start);
        }
        Integer leadTimeDays = input.leadTimeDays() == null ? entity.getLeadTimeDays() : leadTimeDays(input.leadTimeDays());
        Double weight = input.weight() == null ? entity.getWeight() : weight(input.weight());
        String accountableTo = locked.board();
        if (input.accountableTo() != null && !input.accountableTo().equals(locked.board())) {
            labels.require("accountableTo", input.accountableTo(), Set.of("Board"));
            if (locked.board() != null) {
                scopes.requireCanChange(user, locked.board());
            }
            scopes.requireCanChange(user, input.accountableTo());
            accountableTo = input.accountableTo();
        }
        List<FieldChange> changes = Arrays.asList(FieldChange.of("title", entity.getTitle(), title),
                FieldChange.of("accountableTo", locked.board(), accountableTo),
                FieldChange.of("description", entity.getDescription(), description),
                FieldChange.of("startDate", entity.getStartDate(), start), FieldChange.of("dueDate", entity.getDueDate(), due),
                FieldChange.of("timescale", entity.getTimescale(), timescale),
                FieldChange.of("leadTimeDays", entity.getLeadTimeDays(), leadTimeDays),
                FieldChange.of("weight", entity.getWeight(), weight));
        if (changes.stream().allMatch(Objects::isNull)) {
            return reload(input.id());
        }
        entity.setLeadTimeDays(leadTimeDays);
        entity.setWeight(weight);
        entity.setTitle(title);
        entity.setDescription(description);
        entity.setTimescale(timescale);
        entity.setStartDate(start);
        entity.setDueDate(due);
        repository.save(entity);
        if (!Objects.equals(accountableTo, locked.board())) {
            run(ActionCypher.SET_ACCOUNTABLE, Map.of("id", input.id(), "board", accountableTo));
        }
        record(input.id(), "updateAction", changes, input.reason(), user, left(locked.board(), accountableTo));
        return reload(input.id());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public RecordProgressPayload recordProgress(RecordProgressInput input, CurrentUser user) {
        ActionEntity entity = lockAndLoad(input.actionId(), input.expectedVersion(), user);
        String commentary = text("commentary", input.commentary(), MAX_TEXT, false);
        if (input.status() == ActionStatus.UNKNOWN) {
            throw new ValidationException("status", "UNKNOWN marks an action whose document gives no status; "
                    + "a progress update must say where the action stands (NOT_STARTED, IN_PROGRESS, AT_RISK, OFF_TRACK, "
                    + "COMPLETE, ON_HOLD or CANCELLED)");
        }
        if (input.percentComplete() != null && (input.percentComplete() < 0 || input.percentComplete() > 100)) {
            throw new ValidationException("percentComplete", "must be between 0 and 100, was " + input.percentComplete());
        }
        if (input.percentComplete() != null && input.status() == ActionStatus.COMPLETE && input.percentComplete() != 100) {
            throw new ValidationException("percentComplete", "must be 100 (or left out) when the status is COMPLETE, was "
                    + input.percentComplete());
        }
        if (input.percentComplete() != null && input.status() == ActionStatus.NOT_STARTED && input.percentComplete() != 0) {
            throw new ValidationException("percentComplete", "must be 0 (or left out) when the status is NOT_STARTED, was "
                    + input.percentComplete());
        }
        boolean needsCommentary = input.rag() == Rag.RED || input.status() == ActionStatus.OFF_TRACK;
        if (needsCommentary && commentary == null) {
            throw new ValidationException("commentary", "is required when the RAG is RED or the status OFF_TRACK: say what is wrong and what is being done");
        }
        boolean wasCancelled = ActionStatus.CANCELLED.name().equals(entity.getStatus());
        if (wasCancelled != (input.status() == ActionStatus.CANCELLED) && commentary == null) {
            throw new ValidationException("commentary", wasCancelled
                    ? "is required to take an action out of CANCELLED: say why the commitment is back"
                    : "is required to cancel an action: say why the commitment is dropped, and by whose decision");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = input.date() == null ? today : input.date();
        if (date.isAfter(today)) {
            throw new ValidationException("date", "cannot be in the future (" + date + ")");
        }
        if (entity.getAsOf() != null && date.isBefore(entity.getAsOf())) {
            throw new ValidationException("date", "is before the action's latest update (" + entity.getAsOf()
                    + "), was " + date + ": progress is recorded in date order, so give a date on or after "
                    + entity.getAsOf());
        }
        if (input.status() == ActionStatus.COMPLETE && input.completedDate() == null) {
            throw new ValidationException("completedDate", "is required when the status is COMPLETE");
        }
        if (input.completedDate() != null && input.status() != ActionStatus.COMPLETE) {
            throw new ValidationException("completedDate", "is only for a COMPLETE status");
        }
        if (input.completedDate() != null && input.completedDate().isAfter(date)) {
            throw new ValidationException("completedDate", "cannot be after the date the update is as of (" + date
                    + "), was " + input.completedDate());
        }
        if (input.completedDate() != null && entity.getStartDate() != null && input.completedDate().isBefore(entity.getStartDate())) {
            throw new ValidationException("completedDate", "cannot be before the action's start date (" + entity.getStartDate()
                    + "), was " + input.completedDate());
        }
        if (input.completedDate() != null) {
            LocalDate open = neo4j.query(ActionCypher.LAST_OPEN_UPDATE).bind(input.actionId()).to("id").fetchAs(LocalDate.class)
                    .mappedBy((t, r) -> r.get("date").isNull() ? null : r.get("date").asLocalDate()).one().orElse(null);
            if (open != null && input.completedDate().isBefore(open)) {
                throw new ValidationException("completedDate", "is before " + open + ", the date of the action's latest update "
                        + "that had it open or cancelled, was " + input.completedDate()
                        + ": a completion cannot come before an update that says the action was not yet complete");
            }
        }
        Integer percent = percent(input, entity);
        String rag = input.rag() == null ? null : input.rag().name();
        List<FieldChange> changes = Arrays.asList(FieldChange.of("status", entity.getStatus(), input.status().name()),
                FieldChange.of("rag", entity.getRag(), rag),
                FieldChange.of("percentComplete", entity.getPercentComplete(), percent),
                FieldChange.of("completedDate", entity.getCompletedDate(), input.completedDate()),
                FieldChange.of("statusText", entity.getStatusText(), null), FieldChange.of("asOf", entity.getAsOf(), date));
        entity.setStatus(input.status().name());
        entity.setStatusText(null);
        entity.setRag(rag);
        entity.setPercentComplete(percent);
        entity.setCompletedDate(input.completedDate());
        entity.setAsOf(date);
        repository.save(entity);
        ProgressUpdate update = addUpdate(input.actionId(), date, input.status().name(), rag, percent, commentary,
                input.completedDate(), user);
        record(input.actionId(), "recordProgress", changes, commentary, user);
        return new RecordProgressPayload(reload(input.actionId()), update);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action assignOwner(AssignOwnerInput input, CurrentUser user) {
        Locked locked = lock(input.actionId(), input.expectedVersion(), user);
        ActionEntity entity = locked.entity();
        text("reason", input.reason(), MAX_TEXT, false);
        if (input.ownerId() != null) {
            labels.require("ownerId", input.ownerId(), OWNER_LABELS);
        }
        String before = locked.owner();
        if (Objects.equals(before, input.ownerId()) && entity.getOwnerText() == null) {
            return reload(input.actionId());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", input.actionId());
        params.put("owner", input.ownerId());
        run(ActionCypher.SET_OWNER, params);
        String ownerTextBefore = entity.getOwnerText();
        entity.setOwnerText(null);
        repository.save(entity);
        record(input.actionId(), "assignOwner", Arrays.asList(FieldChange.of("ownerId", before, input.ownerId()),
                FieldChange.of("ownerText", ownerTextBefore, entity.getOwnerText())), input.reason(), user,
                left(locked.ownerBoard(), input.ownerId()));
        return reload(input.actionId());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action addDependency(DependencyInput input, CurrentUser user) {
        ActionEntity entity = lock(input.actionId(), input.expectedVersion(), user, input.dependsOnId()).entity();
        text("reason", input.reason(), MAX_TEXT, false);
        labels.require("dependsOnId", input.dependsOnId(), Set.of("Action"));
        if (!dependencies.addDependency(input.actionId(), input.dependsOnId())) {
            return reload(input.actionId());
        }
        repository.save(entity);
        record(input.actionId(), "addDependency", Arrays.asList(FieldChange.of("dependsOn", null, input.dependsOnId())),
                input.reason(), user);
        otherEnd(input.dependsOnId(), "addDependency", "dependent", null, input.actionId(), input.reason(), user);
        return reload(input.actionId());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action removeDependency(DependencyInput input, CurrentUser user) {
        ActionEntity entity = lock(input.actionId(), input.expectedVersion(), user, input.dependsOnId()).entity();
        text("reason", input.reason(), MAX_TEXT, false);
        labels.require("dependsOnId", input.dependsOnId(), Set.of("Action"));
        if (!dependencies.removeDependency(input.actionId(), input.dependsOnId())) {
            throw new ValidationException("dependsOnId", input.actionId() + " does not depend on " + input.dependsOnId());
        }
        repository.save(entity);
        record(input.actionId(), "removeDependency", Arrays.asList(FieldChange.of("dependsOn", input.dependsOnId(), null)),
                input.reason(), user);
        otherEnd(input.dependsOnId(), "removeDependency", "dependent", input.actionId(), null, input.reason(), user);
        return reload(input.actionId());
    }

    /**
     * Within the caller's transaction: removes every decision's link as having created action
     * {@code actionId}, checking the action's version and the caller's scope over the action and over
     * every decision it unlinks; history entries on the action and on each decision.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action unlinkDecision(String actionId, Long expectedVersion, String reason, CurrentUser user) {
        ActionEntity entity = lockAndLoad(actionId, expectedVersion, user);
        text("reason", reason, MAX_TEXT, false);
        Map<String, Object> params = new HashMap<>();
        params.put("id", actionId);
        params.put("decision", null);
        neo4j.query(ActionCypher.OTHER_CREATING_DECISION_BOARDS).bindAll(params)
                .fetchAs(Value.class).mappedBy((t, r) -> r.get("board")).all()
                .forEach(board -> scopes.requireCanChange(user, nullableString(board)));
        List<String> before = neo4j.query(ActionCypher.UNLINK_DECISIONS).bindAll(Map.of("id", actionId)).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("before")).one().orElseThrow().asList(Value::asString);
        if (before.isEmpty()) {
            return reload(actionId);
        }
        repository.save(entity);
        record(actionId, "unlinkDecision", Arrays.asList(FieldChange.of("decision", String.join(", ", before), null)), reason, user);
        for (String unlinked : before) {
            otherEnd(unlinked, "unlinkDecision", "action", actionId, null, reason, user);
        }
        return reload(actionId);
    }

    /**
     * Within the caller's transaction: links decision {@code decisionId} to action {@code actionId}
     * as the one that created it, in place of any other, checking the action's version and the
     * caller's scope over the action and over every decision it replaces.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public Action linkDecision(String decisionId, String actionId, Long expectedVersion, String reason, CurrentUser user) {
        ActionEntity entity = lockAndLoad(actionId, expectedVersion, user);
        text("reason", reason, MAX_TEXT, false);
        neo4j.query(ActionCypher.OTHER_CREATING_DECISION_BOARDS).bindAll(Map.of("id", actionId, "decision", decisionId))
                .fetchAs(Value.class).mappedBy((t, r) -> r.get("board")).all()
                .forEach(board -> scopes.requireCanChange(user, nullableString(board)));
        List<String> before = neo4j.query(ActionCypher.RELINK_DECISION)
                .bindAll(Map.of("id", actionId, "decision", decisionId)).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("before")).one().orElseThrow().asList(Value::asString);
        if (before.equals(List.of(decisionId))) {
            return reload(actionId);
        }
        repository.save(entity);
        record(actionId, "linkDecision", Arrays.asList(FieldChange.of("decision",
                before.isEmpty() ? null : String.join(", ", before), decisionId)), reason, user);
        if (!before.contains(decisionId)) {
            otherEnd(decisionId, "linkDecision", "action", null, actionId, reason, user);
        }
        for (String replaced : before) {
            if (!replaced.equals(decisionId)) {
                otherEnd(replaced, "linkDecision", "action", actionId, null, reason, user);
            }
        }
        return reload(actionId);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public MilestonePayload addMilestone(AddMilestoneInput input, CurrentUser user) {
        ActionEntity entity = lockAndLoad(input.actionId(), input.expectedVersion(), user);
        String title = line("title", input.title(), MAX_TITLE, true);
        String timescale = line("timescale", input.timescale(), MAX_TITLE, false);
        text("reason", input.reason(), MAX_TEXT, false);
        String id = BusinessIds.next("milestone");
        Map<String, Object> params = new HashMap<>();
        params.put("id", input.actionId());
        params.put("milestone", id);
        params.put("title", title);
        params.put("dueDate", input.dueDate());
        params.put("timescale", timescale);
        Milestone milestone = writeMilestone(ActionCypher.ADD_MILESTONE, params);
        repository.save(entity);
        record(input.actionId(), "addMilestone", Arrays.asList(FieldChange.of("milestone", null, id),
                FieldChange.of("milestone.title", null, title), FieldChange.of("milestone.dueDate", null, input.dueDate()),
                FieldChange.of("milestone.timescale", null, timescale)), input.reason(), user);
        return new MilestonePayload(milestone, reload(input.actionId()));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public MilestonePayload reachMilestone(ReachMilestoneInput input, CurrentUser user) {
        LockedMilestone found = lockMilestone(input.milestoneId(), input.expectedVersion(), user);
        String actionId = found.actionId();
        ActionEntity entity = found.entity();
        text("reason", input.reason(), MAX_TEXT, false);
        if (input.reachedDate() == null) {
            throw new ValidationException("reachedDate", "is required");
        }
        if (input.reachedDate().isAfter(LocalDate.now(clock))) {
            throw new ValidationException("reachedDate", "cannot be in the future (" + input.reachedDate() + ")");
        }
        Milestone before = found.milestone();
        if (input.reachedDate().equals(before.reachedDate())) {
            return new MilestonePayload(before, reload(actionId));
        }
        if (entity.getStartDate() != null && input.reachedDate().isBefore(entity.getStartDate())) {
            throw new ValidationException("reachedDate", "cannot be before the action's start date (" + entity.getStartDate()
                    + "), was " + input.reachedDate());
        }
        Milestone milestone = writeMilestone(ActionCypher.REACH_MILESTONE,
                Map.of("id", input.milestoneId(), "reachedDate", input.reachedDate()));
        repository.save(entity);
        record(actionId, "reachMilestone", Arrays.asList(new FieldChange("milestone", input.milestoneId(), input.milestoneId()),
                FieldChange.of("milestone.reachedDate", before.reachedDate(), input.reachedDate())), input.reason(), user);
        return new MilestonePayload(milestone, reload(actionId));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public MilestonePayload updateMilestone(UpdateMilestoneInput input, CurrentUser user) {
        LockedMilestone found = lockMilestone(input.milestoneId(), input.expectedVersion(), user);
        Milestone before = found.milestone();
        String title = input.title() == null ? before.title() : line("title", input.title(), MAX_TITLE, true);
        LocalDate dueDate = input.dueDate() == null ? before.dueDate() : input.dueDate();
        String timescale = timescaleAfter(input.timescale(), input.dueDate(), before.dueDate(), before.timescale());
        text("reason", input.reason(), MAX_TEXT, false);
        List<FieldChange> changes = Arrays.asList(FieldChange.of("milestone.title", before.title(), title),
                FieldChange.of("milestone.dueDate", before.dueDate(), dueDate),
                FieldChange.of("milestone.timescale", before.timescale(), timescale));
        if (changes.stream().allMatch(Objects::isNull)) {
            return new MilestonePayload(before, reload(found.actionId()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", before.id());
        params.put("title", title);
        params.put("dueDate", dueDate);
        params.put("timescale", timescale);
        Milestone milestone = writeMilestone(ActionCypher.UPDATE_MILESTONE, params);
        repository.save(found.entity());
        List<FieldChange> entry = new ArrayList<>();
        entry.add(new FieldChange("milestone", before.id(), before.id()));
        entry.addAll(changes);
        record(found.actionId(), "updateMilestone", entry, input.reason(), user);
        return new MilestonePayload(milestone, reload(found.actionId()));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public RemoveMilestonePayload removeMilestone(RemoveMilestoneInput input, CurrentUser user) {
        LockedMilestone found = lockMilestone(input.milestoneId(), input.expectedVersion(), user);
        Milestone before = found.milestone();
        text("reason", input.reason(), MAX_TEXT, false);
        List<String> sources = neo4j.query(ActionCypher.REMOVE_MILESTONE).bindAll(Map.of("id", before.id()))
                .fetchAs(Value.class).mappedBy((t, r) -> r.get("sources")).one()
                .orElseThrow(() -> new NotFoundException("No milestone has id " + before.id())).asList(Value::asString);
        repository.save(found.entity());
        record(found.actionId(), "removeMilestone", Arrays.asList(FieldChange.of("milestone", before.id(), null),
                FieldChange.of("milestone.title", before.title(), null), FieldChange.of("milestone.dueDate", before.dueDate(), null),
                FieldChange.of("milestone.timescale", before.timescale(), null),
                FieldChange.of("milestone.reachedDate", before.reachedDate(), null),
                FieldChange.of("milestone.sources", sources.isEmpty() ? null : String.join("; ", sources), null)),
                input.reason(), user);
        return new RemoveMilestonePayload(before.id(), reload(found.actionId()));
    }

    /** The milestone {@code m} that a milestone statement writes and returns. */
    private Milestone writeMilestone(String cypher, Map<String, Object> params) {
        return neo4j.query(cypher).bindAll(params).fetchAs(Milestone.class)
                .mappedBy((t, r) -> Milestone.from(r.get("m").asNode())).one().orElseThrow();
    }

    /** A milestone as read once its action is locked at the expected version, with the action's id and entity. */
    private record LockedMilestone(Milestone milestone, String actionId, ActionEntity entity) {
    }

    /**
     * Milestone {@code milestoneId} (NOT_FOUND when there is none), its action locked as {@link #lock}
     * does. The milestone is read before the lock: any change to it since is a new version of the
     * action, so the version check refuses a stale read.
     */
    private LockedMilestone lockMilestone(String milestoneId, Long expectedVersion, CurrentUser user) {
        Record found = neo4j.query(ActionCypher.MILESTONE).bindAll(Map.of("id", milestoneId)).fetchAs(Record.class)
                .mappedBy((t, r) -> r).one().orElseThrow(() -> new NotFoundException("No milestone has id " + milestoneId));
        String actionId = found.get("action").asString();
        ActionEntity entity = lockAndLoad(actionId, expectedVersion, user);
        return new LockedMilestone(Milestone.from(found.get("m").asNode()), actionId, entity);
    }

    private ActionEntity lockAndLoad(String id, Long expectedVersion, CurrentUser user) {
        return lock(id, expectedVersion, user).entity();
    }

    /**
     * A locked action at the expected version: its entity, and the ids of its owner, of that owner
     * again when it is a board, and of its accountable board (each null when none).
     */
    private record Locked(ActionEntity entity, String owner, String ownerBoard, String board) {
    }

    /**
     * Action {@code id} locked at the expected version, with the nodes {@code alsoLocked} locked
     * with it in id order (the other action of a dependency), so that two changes taking the same
     * two locks queue rather than deadlock.
     */
    private Locked lock(String id, Long expectedVersion, CurrentUser user, String... alsoLocked) {
        if (expectedVersion == null) {
            throw new ValidationException("expectedVersion", "is required: pass the version you last read");
        }
        Set<String> ids = new TreeSet<>(Set.of(id));
        Arrays.stream(alsoLocked).filter(Objects::nonNull).forEach(ids::add);
        run(ActionCypher.LOCK, Map.of("ids", List.copyOf(ids)));
        Record context = neo4j.query(ActionCypher.CONTEXT).bindAll(Map.of("id", id)).fetchAs(Record.class)
                .mappedBy((t, r) -> r).one().orElseThrow();
        if (context.get("a").isNull()) {
            throw new NotFoundException("No action has id " + id);
        }
        String board = nullableString(context.get("board"));
        Value owner = context.get("owner");
        String ownerId = owner.isNull() ? null : owner.get("id").asString();
        String ownerBoard = !owner.isNull() && owner.get("board").asBoolean() ? ownerId : null;
        scopes.requireCanChangeAny(user, Stream.of(board, ownerBoard).filter(Objects::nonNull).distinct().toList());
        ActionEntity entity = entityMapping.apply(TypeSystem.getDefault(), context.get("a").asNode());
        long current = entity.getVersion() == null ? 0 : entity.getVersion();
        if (current != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, current);
        }
        return new Locked(entity, ownerId, ownerBoard, board);
    }

    /** VALIDATION on {@code startDate} when a milestone of action {@code id} was reached before {@code start}. */
    private void requireNoMilestoneReachedBefore(String id, LocalDate start) {
        neo4j.query(ActionCypher.FIRST_REACHED_MILESTONE).bindAll(Map.of("id", id)).fetchAs(Record.class).mappedBy((t, r) -> r)
                .one().filter(first -> first.get("reachedDate").asLocalDate().isBefore(start)).ifPresent(first -> {
                    throw new ValidationException("startDate", "must not be after the date milestone " + first.get("id").asString()
                            + " was reached (" + first.get("reachedDate").asLocalDate() + "), was " + start);
                });
    }

    /**
     * The timescale after an update: the one {@code given} (blank removes it); else none when the
     * due date changes (the old wording was of the old date; the history keeps it); else the one before.
     */
    private static String timescaleAfter(String given, LocalDate newDueDate, LocalDate dueDate, String timescale) {
        if (given != null) {
            return line("timescale", given, MAX_TITLE, false);
        }
        return newDueDate != null && !newDueDate.equals(dueDate) ? null : timescale;
    }

    /** A lead time in days as given, VALIDATION outside 0 to {@link Dependencies#MAX_DELAY_DAYS}. */
    private static Integer leadTimeDays(Integer days) {
        if (days != null && (days < 0 || days > Dependencies.MAX_DELAY_DAYS)) {
            throw new ValidationException("leadTimeDays", "must be between 0 and " + Dependencies.MAX_DELAY_DAYS + ", was " + days);
        }
        return days;
    }

    /** A weight as given, VALIDATION unless above 0 and at most {@link #MAX_WEIGHT}. */
    private static Double weight(Double weight) {
        if (weight != null && !(weight > 0 && weight <= MAX_WEIGHT)) {
            throw new ValidationException("weight", "must be above 0 and at most " + (int) MAX_WEIGHT + ", was " + weight);
        }
        return weight;
    }

    /**
     * The percent an update records: the one given; else 100 for COMPLETE; none for NOT_STARTED;
     * else the action's percent carried forward, unless the action was COMPLETE (a reopened
     * action's 100 is not carried).
     */
    private static Integer percent(RecordProgressInput input, ActionEntity entity) {
        if (input.percentComplete() != null) {
            return input.percentComplete();
        }
        if (input.status() == ActionStatus.COMPLETE) {
            return 100;
        }
        if (input.status() == ActionStatus.NOT_STARTED || ActionStatus.COMPLETE.name().equals(entity.getStatus())) {
            return null;
        }
        return entity.getPercentComplete();
    }

    /**
     * The board whose meeting took decision {@code decisionId}, empty when it was taken at no board's
     * meeting; VALIDATION on {@code decisionId} when there is no such decision.
     */
    public Optional<String> boardOfDecision(String decisionId) {
        Value board = neo4j.query(ActionCypher.DECISION_BOARD).bindAll(Map.of("id", decisionId)).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("board")).one()
                .orElseThrow(() -> new ValidationException("decisionId", "no decision has id " + decisionId));
        return Optional.ofNullable(nullableString(board));
    }

    private static String nullableString(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private ProgressUpdate addUpdate(String id, LocalDate date, String status, String rag, Integer percent, String note,
            LocalDate completedDate, CurrentUser user) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("updateId", "update-" + UUID.randomUUID());
        params.put("date", date);
        params.put("status", status);
        params.put("rag", rag);
        params.put("percent", percent);
        params.put("note", note);
        params.put("author", user.name());
        params.put("completedDate", completedDate);
        neo4j.query(ActionCypher.ADD_UPDATE).bindAll(params).run();
        return new ProgressUpdate(date, status, null, rag, percent, note, user.name(), completedDate);
    }

    /**
     * Takes board {@code board}'s lock, then refuses with VALIDATION, naming it, an action already
     * accountable to it with the same title, agreed date (its first update's), due date and creating
     * decision ({@code SAME_ACTION}): a retried {@code createAction} creates nothing twice.
     */
    private void requireNoSameAction(String board, String title, LocalDate asOf, LocalDate dueDate, String decision) {
        Map<String, Object> params = new HashMap<>();
        params.put("board", board);
        params.put("title", title);
        params.put("asOf", asOf);
        params.put("dueDate", dueDate);
        params.put("decision", decision);
        Value existing = neo4j.query(ActionCypher.SAME_ACTION).bindAll(params).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("existing")).one().orElseThrow();
        if (!existing.isNull()) {
            throw new ValidationException("title", board + " has this action already, as " + existing.asString()
                    + " (same title, agreed date, due date and decision): a retried call creates nothing twice; change the "
                    + "title if this is another action");
        }
    }

    /** VALIDATION on {@code field} (the date the caller changed) when {@code due} is before {@code start}. */
    private static void requireOrder(LocalDate start, LocalDate due, String field) {
        if (start != null && due != null && due.isBefore(start)) {
            throw new ValidationException(field, field.equals("startDate")
                    ? "must not be after the due date (" + due + "), was " + start
                    : "must not be before the start date (" + start + "), was " + due);
        }
    }

    /** The board an action leaves when a link to board {@code before} becomes one to {@code after}: none, or {@code before}. */
    private static List<String> left(String before, String after) {
        return before == null || before.equals(after) ? List.of() : List.of(before);
    }

    /**
     * The history entry of a change on the entity at its other end: the action a dependency is on,
     * or a decision an action is linked to or unlinked from, whose {@code field} gained or lost
     * {@code after} or {@code before}. Written in the same transaction; an action's subscribers
     * hear of it as of any change to the action.
     */
    private void otherEnd(String entityId, String operation, String field, String before, String after, String reason,
            CurrentUser user) {
        history.recordLink(entityId, operation, field, before, after, text("reason", reason, MAX_TEXT, false), user);
    }

    private void run(String cypher, Map<String, Object> params) {
        neo4j.query(cypher).bindAll(params).run();
    }

    /** Writes the history entry of a change and has the action feed read it as soon as the transaction commits. */
    private void record(String actionId, String operation, List<FieldChange> changes, String reason, CurrentUser user) {
        record(actionId, operation, changes, reason, user, List.of());
    }

    /**
     * As {@link #record(String, String, List, String, CurrentUser)}, for a change that takes the
     * action away from {@code formerBoards} (its accountable board, or its owner when a board), whose
     * subscribers hear of it too.
     */
    private void record(String actionId, String operation, List<FieldChange> changes, String reason, CurrentUser user,
            List<String> formerBoards) {
        String entry = history.record(actionId, operation, changes, text("reason", reason, MAX_TEXT, false), user);
        if (!formerBoards.isEmpty()) {
            run(ActionCypher.FORMER_BOARDS, Map.of("entry", entry, "boards", formerBoards));
        }
        events.pollAfterCommit();
    }

    private Action reload(String id) {
        return neo4j.query(ActionCypher.ACTION).bindAll(Map.of("id", id)).fetchAs(Action.class)
                .mappedBy((t, r) -> Action.from(r.get("a").asNode())).one().orElseThrow();
    }
}
