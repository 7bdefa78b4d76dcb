package org.partnershipgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The access matrix, generated from the running schema: every field must have a rule in
 * {@code security/field-access.txt} (so a new field without one fails the build), and every
 * field that is not PUBLIC is tried by every role, which must be allowed or refused as the rule says.
 */
class FieldAccessTest extends GraphQlTestBase {

    /** How to reach each protected field from the root; a protected field missing here fails the build. */
    static final Map<String, String> PROBES = Map.ofEntries(
            Map.entry("ProgressUpdate.author",
                    "{ action(id: \"" + Probe.ACTION + "\") { updates { author } } }"),
            Map.entry("Query.history", "{ history(entityId: \"board-hwbb\") { at } }"),
            Map.entry("ActionState.ownerId",
                    "{ action(id: \"" + Probe.ACTION + "\") { stateAsOf(date: \"2025-01-01\") { ownerId } } }"),
            Map.entry("ActionState.dueDate",
                    "{ action(id: \"" + Probe.ACTION + "\") { stateAsOf(date: \"2025-01-01\") { dueDate } } }"),
            Map.entry("Mutation.createAction",
                    "mutation { createAction(input: {title: \"\", accountableTo: \"board-hwbb\"}) { action { id } } }"),
            Map.entry("Mutation.updateAction",
                    "mutation { updateAction(input: {id: \"" + Probe.ACTION + "\", expectedVersion: -1, title: \"x\"}) { action { id } } }"),
            Map.entry("Mutation.recordProgress",
                    "mutation { recordProgress(input: {actionId: \"" + Probe.ACTION + "\", expectedVersion: -1, status: IN_PROGRESS}) { action { id } } }"),
            Map.entry("Mutation.assignOwner",
                    "mutation { assignOwner(input: {actionId: \"" + Probe.ACTION + "\", expectedVersion: -1}) { action { id } } }"),
            Map.entry("Mutation.addDependency",
                    "mutation { addDependency(input: {actionId: \"" + Probe.ACTION + "\", expectedVersion: -1, dependsOnId: \"" + Probe.OTHER + "\"}) { action { id } } }"),
            Map.entry("Mutation.removeDependency",
                    "mutation { removeDependency(input: {actionId: \"" + Probe.ACTION + "\", expectedVersion: -1, dependsOnId: \"" + Probe.OTHER + "\"}) { action { id } } }"),
            Map.entry("Mutation.linkDecision",
                    "mutation { linkDecision(input: {decisionId: \"decision-001-hwbb-2021-07-23-minutes-approved\", actionId: \"" + Probe.ACTION + "\", expectedVersion: -1}) { action { id } } }"),
            Map.entry("Mutation.addMilestone",
                    "mutation { addMilestone(input: {actionId: \"" + Probe.ACTION + "\", expectedVersion: -1, title: \"x\"}) { milestone { id } } }"),
            Map.entry("Mutation.reachMilestone",
                    "mutation { reachMilestone(input: {milestoneId: \"milestone-probe-none\", expectedVersion: -1, reachedDate: \"2025-01-01\"}) { milestone { id } } }"),
            Map.entry("Mutation.updateMilestone",
                    "mutation { updateMilestone(input: {milestoneId: \"milestone-probe-none\", expectedVersion: -1, title: \"x\"}) { milestone { id } } }"),
            Map.entry("Mutation.removeMilestone",
                    "mutation { removeMilestone(input: {milestoneId: \"milestone-probe-none\", expectedVersion: -1}) { milestoneId } }"),
            Map.entry("Mutation.recordMeeting",
                    "mutation { recordMeeting(input: {boardId: \"board-hwbb\", date: \"2025-01-01\", title: \"" + "x".repeat(301) + "\"}) { meeting { id } } }"),
            Map.entry("Mutation.recordDecision",
                    "mutation { recordDecision(input: {meetingId: \"meeting-001-hwbb-2021-07-23\", text: \"\"}) { decision { id } } }"),
            Map.entry("Mutation.unlinkDecision",
                    "mutation { unlinkDecision(input: {actionId: \"" + Probe.ACTION + "\", expectedVersion: -1}) { action { id } } }"),
            Map.entry("Mutation.updateMeeting",
                    "mutation { updateMeeting(input: {meetingId: \"meeting-001-hwbb-2021-07-23\", expectedVersion: -1, title: \"x\"}) { meeting { id } } }"),
            Map.entry("Mutation.updateDecision",
                    "mutation { updateDecision(input: {decisionId: \"decision-001-hwbb-2021-07-23-minutes-approved\", expectedVersion: -1, text: \"x\"}) { decision { id } } }"));

    /**
     * Where each protected field other than a mutation reads in its probe's reply: it has a value for
     * a role that may read it, and none for one that may not. A mutation's probe is refused by its
     * input checks, so it reads nothing either way.
     */
    static final Map<String, String> READ_PATHS = Map.of(
            "ProgressUpdate.author", "action.updates[0].author",
            "Query.history", "history",
            "ActionState.ownerId", "action.stateAsOf.ownerId",
            "ActionState.dueDate", "action.stateAsOf.dueDate");

    /** Ids the probes use: an action accountable to the HWBB, and another action. */
    static final class Probe {
        static final String ACTION = "action-001-hwbs-eight-week-public-consultation";
        static final String OTHER = "action-001-hwbs-final-approval-by-march-2022";
    }

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    FieldAccessPolicy policy;

    @Test
    void everySchemaFieldHasARuleAndEveryRuleAField() {
        Set<String> schemaFields = new TreeSet<>();
        graphQlSource.schema().getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                .map(GraphQLFieldsContainer.class::cast)
                .forEach(t -> t.getFieldDefinitions().forEach(f -> schemaFields.add(t.getName() + "." + f.getName())));
        assertThat(new TreeSet<>(policy.rules().keySet())).as("rules in " + FieldAccessPolicy.LOCATION)
                .isEqualTo(schemaFields);
    }

    @Test
    void everyProtectedFieldHasAProbe() {
        policy.rules().forEach((field, access) -> {
            if (access != Access.PUBLIC) {
                assertThat(PROBES).as("a probe query for " + field).containsKey(field);
                assertThat(field.startsWith("Mutation.") || READ_PATHS.containsKey(field)).as("a read path for " + field).isTrue();
            }
        });
    }

    @Test
    void stateAsOfGivesTheOwnerAndDueDateFromHistoryToAuditorsOnly() {
        String query = "{ action(id: \"" + Probe.ACTION + "\") { stateAsOf(date: \"2099-01-01\") { date status ownerId dueDate } } }";
        for (String caller : List.of("anonymous", "partner", "hwbb-secretariat")) {
            String code = caller.equals("anonymous") ? "UNAUTHENTICATED" : "FORBIDDEN";
            GraphQlTester tester = caller.equals("anonymous") ? graphQl : as(caller);
            tester.document(query).execute()
                    .errors().expect(e -> code.equals(e.getExtensions().get("code"))
                            && List.of("action", "stateAsOf", "ownerId").equals(e.getParsedPath())).expect(e -> code.equals(e.getExtensions().get("code"))
                            && List.of("action", "stateAsOf", "dueDate").equals(e.getParsedPath())).verify()
                    .path("action.stateAsOf.date").entity(String.class).isEqualTo("2099-01-01")
                    .path("action.stateAsOf.status").hasValue()
                    .path("action.stateAsOf.ownerId").valueIsNull()
                    .path("action.stateAsOf.dueDate").valueIsNull();
        }
        as("auditor").document(query).execute().errors().verify()
                .path("action.stateAsOf.dueDate").hasValue();
    }

    static List<Object[]> matrix() {
        FieldAccessPolicy policy = FieldAccessPolicy.load();
        List<String> callers = List.of("anonymous", "partner", "hwbb-secretariat", "auditor", "admin");
        return policy.rules().entrySet().stream().filter(e -> e.getValue() != Access.PUBLIC)
                .flatMap(e -> callers.stream().map(c -> new Object[] {e.getKey(), e.getValue(), c})).toList();
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("matrix")
    void protectedFieldIsAllowedOrRefusedByRole(String field, Access access, String caller) {
        Role role = switch (caller) {
            case "anonymous" -> Role.PUBLIC;
            case "partner" -> Role.PARTNER;
            case "hwbb-secretariat" -> Role.SECRETARIAT;
            case "auditor" -> Role.AUDITOR;
            default -> Role.ADMIN;
        };
        GraphQlTester tester = caller.equals("anonymous") ? graphQl : as(caller);
        GraphQlTester.Response response = tester.document(PROBES.get(field)).execute();
        String read = READ_PATHS.get(field);
        if (access.allows(role)) {
            response.errors().satisfy(errors -> assertThat(errors).noneSatisfy(e -> assertThat(e.getExtensions().get("code"))
                    .isIn("FORBIDDEN", "UNAUTHENTICATED")));
            if (read != null) {
                assertThat((Object) response.returnResponse().field(read).getValue()).as(read).isNotNull();
            }
        } else {
            String code = role == Role.PUBLIC ? "UNAUTHENTICATED" : "FORBIDDEN";
            response.errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code"))
                    .isEqualTo(code)));
            if (read != null) {
                assertThat((Object) response.returnResponse().field(read).getValue()).as(read).isNull();
            }
        }
    }
}
