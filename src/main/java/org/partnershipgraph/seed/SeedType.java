package org.partnershipgraph.seed;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record types of {@code seed-data/*.jsonl} (see {@code seed-data/README.md}): which
 * fields each has, which must be present, which are enums, and which are references that
 * become relationships.
 */
enum SeedType {
    DOCUMENT("Document", "SourceDocument", "doc-", "id file title kind date publisher", "id file title kind date publisher",
            Map.of("kind", "AGENDA_PACK REPORT SELF_ASSESSMENT STRATEGY"), List.of()),
    ORGANISATION("Organisation", "Organisation", "org-", "id name kind shortName aliases partOf predecessorOf sources",
            "id name kind sources", Map.of("kind", "ICB CCG STP ICS NHS_TRUST NHS_ENGLAND PCN GP_PRACTICE DENTAL_PRACTICE"
                    + " LOCAL_AUTHORITY DIRECTORATE TEAM SERVICE VCS HEALTHWATCH POLICE PROVIDER REGULATOR GOVERNMENT"
                    + " ACADEMIC OTHER"),
            List.of(Ref.out("partOf", "PART_OF", "org-"), Ref.out("predecessorOf", "PREDECESSOR_OF", "org-"))),
    PERSON("Person", "Person", "person-", "id name sources", "id name sources", Map.of(), List.of()),
    POST("Post", "Post", "post-", "id title organisation heldBy sources", "id title sources", Map.of(),
            List.of(Ref.out("organisation", "AT", "org-"), Ref.in("heldBy", "HOLDS", "person-"))),
    BOARD("Board", "Board", "board-", "id name kind shortName aliases hostedBy chairs members sources",
            "id name kind sources", Map.of("kind", "BOARD COMMITTEE SUB_COMMITTEE PARTNERSHIP ALLIANCE EXECUTIVE CABINET"
                    + " COUNCIL GROUP STEERING_GROUP WORKING_GROUP TASK_AND_FINISH_GROUP PANEL NETWORK FORUM"),
            List.of(Ref.out("hostedBy", "HOSTED_BY", "org-"), Ref.in("chairs", "CHAIRS", "post-", "person-"),
                    Ref.in("members", "MEMBER_OF", "org-"))),
    REPORTS_TO("ReportsTo", null, null, "from to relation sources", "from to relation sources",
            Map.of("relation", "REPORTS_TO COMMITTEE_OF SUB_GROUP_OF ACCOUNTABLE_TO DELEGATED_BY"), List.of()),
    STRATEGY("Strategy", "Strategy", "strategy-", "id title kind period startDate endDate vision ownedBy sources",
            "id title kind sources", Map.of("kind", "STRATEGY PLAN ACTION_PLAN PROGRAMME WORK_PROGRAMME CORPORATE_PLAN"),
            List.of(Ref.in("ownedBy", "OWNS", "board-", "org-"))),
    DOMAIN("Domain", "Domain", "domain-", "id strategy number term title sources", "id strategy title sources",
            Map.of(), List.of(Ref.in("strategy", "HAS_DOMAIN", "strategy-"))),
    PRIORITY("Priority", "Priority", "priority-", "id domain number title sources", "id domain title sources",
            Map.of(), List.of(Ref.in("domain", "HAS_PRIORITY", "domain-"))),
    ACTION("Action", "Action", "action-", "id title kind status statusText rag asOf owner ownerText accountableTo"
            + " delivers dueDate timescale startDate completedDate description dependsOn decision sources",
            "id title kind status asOf sources",
            Map.of("kind", "ACTION_PLAN_ROW MINUTED_ACTION RECOMMENDATION WORK_PROGRAMME_ITEM COMMITMENT",
                    "status", "NOT_STARTED IN_PROGRESS AT_RISK OFF_TRACK COMPLETE ON_HOLD CANCELLED UNKNOWN",
                    "rag", "RED AMBER GREEN"),
            List.of(Ref.out("owner", "OWNED_BY", "post-", "person-", "org-", "board-"),
                    Ref.out("accountableTo", "ACCOUNTABLE_TO", "board-"),
                    Ref.out("delivers", "DELIVERS", "strategy-", "domain-", "priority-"),
                    Ref.out("dependsOn", "DEPENDS_ON", "action-"), Ref.in("decision", "CREATED", "decision-"))),
    MEETING("Meeting", "Meeting", "meeting-", "id board date title location attendees sources", "id board date sources",
            Map.of(), List.of(Ref.out("board", "OF", "board-"), Ref.in("attendees", "ATTENDED", "person-"))),
    DECISION("Decision", "Decision", "decision-", "id meeting text number sources", "id meeting text sources", Map.of(),
            List.of(Ref.in("meeting", "DECIDED", "meeting-"))),
    MILESTONE("Milestone", "Milestone", "milestone-", "id action title dueDate timescale reachedDate sources",
            "id action title sources", Map.of(), List.of(Ref.in("action", "HAS_MILESTONE", "action-"))),
    INDICATOR("Indicator", "Indicator", "indicator-", "id name measures unit baseline baselineDate target targetDate"
            + " value valueDate valueText sources", "id name sources", Map.of(),
            List.of(Ref.out("measures", "MEASURES", "strategy-", "domain-", "priority-"))),
    CITATION("Citation", null, null, "target sources", "target sources", Map.of(), List.of());

    /** Fields holding ISO dates, stored as Neo4j dates. */
    static final Set<String> DATE_FIELDS = Set.of("date", "asOf", "dueDate", "startDate", "endDate", "completedDate",
            "baselineDate", "targetDate", "valueDate", "reachedDate");

    /**
     * Fields holding a list (of ids or words; {@code sources} and {@code heldBy} of objects too);
     * every other field holds one value.
     */
    static final Set<String> LIST_FIELDS = Set.of("aliases", "attendees", "chairs", "delivers", "dependsOn", "heldBy",
            "measures", "members", "ownedBy", "partOf", "predecessorOf", "sources");

    /** Fields holding numbers, stored as floats. */
    static final Set<String> NUMBER_FIELDS = Set.of("baseline", "target", "value");

    final String name;
    final String label;
    final String idPrefix;
    final Set<String> fields;
    final Set<String> required;
    final Map<String, Set<String>> enums;
    final List<Ref> refs;

    SeedType(String name, String label, String idPrefix, String fields, String required, Map<String, String> enums,
            List<Ref> refs) {
        this.name = name;
        this.label = label;
        this.idPrefix = idPrefix;
        this.fields = Set.of(fields.split(" "));
        this.required = Set.of(required.split(" "));
        this.enums = enums.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Set.of(e.getValue().split(" "))));
        this.refs = refs;
    }

    /** The type named {@code name} in a record's {@code type} field, or null. */
    static SeedType named(String name) {
        for (SeedType type : values()) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Whether {@code field} is a reference of this type. */
    boolean isRef(String field) {
        return refs.stream().anyMatch(ref -> ref.field().equals(field));
    }

    /**
     * A reference field and the relationship it becomes.
     *
     * @param field    the record field holding one id or a list of ids
     * @param relType  the relationship type
     * @param outgoing true when the relationship points from this record to the referenced one
     * @param prefixes the id prefixes the referenced entity may have
     */
    record Ref(String field, String relType, boolean outgoing, Set<String> prefixes) {

        static Ref out(String field, String relType, String... prefixes) {
            return new Ref(field, relType, true, Set.of(prefixes));
        }

        static Ref in(String field, String relType, String... prefixes) {
            return new Ref(field, relType, false, Set.of(prefixes));
        }
    }
}
