package org.partnershipgraph.board;

import java.util.List;

/** Cypher of the board feature: governance bodies, meetings and decisions. */
final class BoardCypher {

    private BoardCypher() {
    }

    /** No rows: constraints and indexes for boards, meetings and decisions. */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT board_id IF NOT EXISTS FOR (n:Board) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (n:Decision) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX board_kind IF NOT EXISTS FOR (n:Board) ON (n.kind)",
            "CREATE INDEX board_name IF NOT EXISTS FOR (n:Board) ON (n.name)",
            "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)");

    /** One row {@code b}: the board with id {@code $id}. */
    static final String BOARD = """
            MATCH (b:Board {id: $id})
            RETURN b
            """;

    /**
     * One row {@code total, items}: boards matching the filter, sorted, one page of nodes. With
     * {@code $reportsTo} the candidates are that board's direct reports, not every board.
     */
    static final String BOARDS = """
            CALL () {
                WITH $reportsTo AS parent WHERE parent IS NOT NULL
                MATCH (:Board {id: parent})<-[:REPORTS_TO]-(b:Board)
                RETURN b
              UNION
                WITH $reportsTo AS parent WHERE parent IS NULL
                MATCH (b:Board)
                RETURN b
            }
            WITH b
            WHERE ($kinds IS NULL OR b.kind IN $kinds)
              AND ($name IS NULL OR replace(replace(toLower(b.name), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i')
                   OR replace(replace(toLower(coalesce(b.shortName, '')), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i')
                   OR any(alias IN coalesce(b.aliases, []) WHERE replace(replace(toLower(alias), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i')))
            WITH b, CASE $sortField WHEN 'NAME' THEN toLower(b.name) WHEN 'KIND' THEN b.kind ELSE b.id END AS sortKey
            ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, b.id
            WITH collect(b) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** One row {@code m}: the meeting with id {@code $id}. */
    static final String MEETING = """
            MATCH (m:Meeting {id: $id})
            RETURN m
            """;

    /** One row {@code total, items}: meetings matching the filter, sorted, one page of nodes. */
    static final String MEETINGS = """
            MATCH (m:Meeting)
            WHERE ($board IS NULL OR EXISTS { (m)-[:OF]->(:Board {id: $board}) })
              AND ($from IS NULL OR m.date >= $from)
              AND ($to IS NULL OR m.date <= $to)
            WITH m, CASE $sortField WHEN 'DATE' THEN toString(m.date) ELSE m.id END AS sortKey
            ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, m.id
            WITH collect(m) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** Rows {@code id, items}: for each board id, the distinct boards it reports to. */
    static final String REPORTS_TO = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})-[:REPORTS_TO]->(parent:Board)
            WITH DISTINCT id, parent ORDER BY toLower(parent.name), parent.id
            RETURN id, collect(parent) AS items
            """;

    /**
     * Rows {@code id, items}: for each board id, maps {@code {board, relation, asOf, sources}}, newest
     * first, then by the parent's name and id and by relation.
     */
    static final String REPORTING_LINES = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})-[r:REPORTS_TO]->(parent:Board)
            WITH id, r, parent, COLLECT { MATCH (d:SourceDocument) WHERE d.id IN r.documents RETURN d } AS docs
            ORDER BY r.asOf DESC, toLower(parent.name), parent.id, r.relation
            RETURN id, collect({board: parent, relation: r.relation, asOf: r.asOf,
                sources: [i IN range(0, size(r.documents) - 1) |
                    {doc: [d IN docs WHERE d.id = r.documents[i]][0], lines: r.lines[i], quote: r.quotes[i]}]
            }) AS items
            """;

    /** Rows {@code id, items}: for each board id, the distinct boards reporting to it. */
    static final String SUB_BOARDS = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})<-[:REPORTS_TO]-(child:Board)
            WITH DISTINCT id, child ORDER BY toLower(child.name), child.id
            RETURN id, collect(child) AS items
            """;

    /** Rows {@code id, items}: for each board id, its chairs (posts or people) in the order stated. */
    static final String CHAIRS = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})<-[c:CHAIRS]-(chair)
            WITH id, c, chair ORDER BY c.rank, chair.id
            RETURN id, collect(chair) AS items
            """;

    /** Rows {@code id, items}: for each board id, its host organisation (at most one). */
    static final String HOSTED_BY = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})-[:HOSTED_BY]->(o:Organisation)
            RETURN id, collect(o)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each board id, its member organisations. */
    static final String MEMBERS = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})<-[:MEMBER_OF]-(o:Organisation)
            WITH id, o ORDER BY toLower(o.name), o.id
            RETURN id, collect(o) AS items
            """;

    /** Rows {@code id, items}: for each board id, the strategies it owns. */
    static final String STRATEGIES = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})-[:OWNS]->(s:Strategy)
            WITH id, s ORDER BY toLower(s.title), s.id
            RETURN id, collect(s) AS items
            """;

    /** Rows {@code id, items}: for each board id, its meetings, newest first (by id on one day). */
    static final String BOARD_MEETINGS = """
            UNWIND $ids AS id
            MATCH (:Board {id: id})<-[:OF]-(m:Meeting)
            WITH id, m ORDER BY m.date DESC, m.id
            RETURN id, collect(m) AS items
            """;

    /** Rows {@code id, items}: for each meeting id, the body that met (at most one). */
    static final String MEETING_BOARD = """
            UNWIND $ids AS id
            MATCH (:Meeting {id: id})-[:OF]->(b:Board)
            RETURN id, collect(b)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each meeting id, the people present. */
    static final String ATTENDEES = """
            UNWIND $ids AS id
            MATCH (:Meeting {id: id})<-[:ATTENDED]-(p:Person)
            WITH id, p ORDER BY toLower(p.name), p.id
            RETURN id, collect(p) AS items
            """;

    /**
     * Rows {@code id, items}: for each meeting id, its decisions in minute order (by the numbers their
     * minute numbers start with, part by part, so 2 comes before 10 and 38.2 before 39), then in the
     * order they were recorded (the seed's first, in id order, then the API's in turn).
     */
    static final String DECISIONS = """
            UNWIND $ids AS id
            MATCH (:Meeting {id: id})-[:DECIDED]->(d:Decision)
            WITH id, d, [x IN split(coalesce(d.number, ''), '.') | toIntegerOrNull(left(x, size(x) - size(ltrim(x, '0123456789'))))] AS rank
            WITH id, d ORDER BY rank, d.number, coalesce(d.seq, 0), d.id
            RETURN id, collect(d) AS items
            """;

    /** Rows {@code id, items}: for each decision id, the meeting that took it (at most one). */
    static final String DECISION_MEETING = """
            UNWIND $ids AS id
            MATCH (:Decision {id: id})<-[:DECIDED]-(m:Meeting)
            RETURN id, collect(m)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each decision id, the actions it created. */
    static final String DECISION_ACTIONS = """
            UNWIND $ids AS id
            MATCH (:Decision {id: id})-[:CREATED]->(a:Action)
            WITH id, a ORDER BY a.id
            RETURN id, collect(a) AS items
            """;

    /** One row {@code missing}: those of {@code $ids} that are no person's id, in the order given. */
    static final String MISSING_PEOPLE = """
            RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missing
            """;

    /** No rows: the people of {@code $people}, and no others, attended meeting {@code $id}. */
    static final String REPLACE_ATTENDEES = """
            MATCH (m:Meeting {id: $id})
            CALL (m) { MATCH (m)<-[old:ATTENDED]-(p:Person) WHERE NOT p.id IN $people DELETE old }
            WITH m
            UNWIND $people AS personId
            MATCH (p:Person {id: personId})
            MERGE (p)-[:ATTENDED]->(m)
            """;

    /** No rows: meeting {@code $id} is a meeting of board {@code $board}. */
    static final String SET_MEETING_BOARD = """
            MATCH (m:Meeting {id: $id})
            MATCH (b:Board {id: $board})
            MERGE (m)-[:OF]->(b)
            """;

    /**
     * No rows: meeting {@code $meeting} took decision {@code $id}, numbered {@code seq} in the order
     * its decisions were recorded (after those it has).
     */
    static final String SET_DECISION_MEETING = """
            MATCH (m:Meeting {id: $meeting})
            MATCH (d:Decision {id: $id})
            SET d.seq = COUNT { (m)-[:DECIDED]->(:Decision) } + 1
            MERGE (m)-[:DECIDED]->(d)
            """;

    /**
     * One row {@code existing}: takes the write lock of board {@code $board} (so meetings of a board
     * are recorded and corrected one at a time), then the id of a meeting of it other than
     * {@code $self} (null for none) on {@code $date} with the title {@code $title} (case and
     * surrounding spaces aside; no title matches no title), or null.
     */
    static final String SAME_MEETING = """
            MATCH (b:Board {id: $board})
            SET b.writes = coalesce(b.writes, 0) + 1
            RETURN COLLECT { MATCH (m:Meeting)-[:OF]->(b)
                             WHERE m.date = $date AND toLower(trim(coalesce(m.title, ''))) = toLower(trim(coalesce($title, '')))
                                   AND ($self IS NULL OR m.id <> $self)
                             RETURN m.id ORDER BY m.id }[0] AS existing
            """;

    /**
     * One row {@code existing, date}: takes the write lock of meeting {@code $meeting} (so its
     * decisions are recorded and corrected one at a time, and its date holds), then the id of a
     * decision it took, other than {@code $self} (null for none), with the text {@code $text} and
     * the number {@code $number} (case and surrounding spaces aside; a missing number on either side
     * matches any), or null, and the meeting's date.
     */
    static final String SAME_DECISION = """
            MATCH (m:Meeting {id: $meeting})
            SET m.writes = coalesce(m.writes, 0) + 1
            RETURN COLLECT { MATCH (m)-[:DECIDED]->(d:Decision)
                             WHERE toLower(trim(d.text)) = toLower(trim($text)) AND ($self IS NULL OR d.id <> $self)
                                   AND ($number IS NULL OR d.number IS NULL
                                        OR toLower(trim(d.number)) = toLower(trim($number)))
                             RETURN d.id ORDER BY d.id }[0] AS existing, m.date AS date
            """;

    /** One row {@code board}: the board of meeting {@code $id} (null when none); no row when there is no such meeting. */
    static final String MEETING_BOARD_ID = """
            MATCH (m:Meeting {id: $id})
            RETURN COLLECT { MATCH (m)-[:OF]->(b:Board) RETURN b.id }[0] AS board
            """;

    /**
     * One row {@code m, board, decided, attendees}: takes the write lock of meeting {@code $id}, then
     * returns it, the id of its board (null when none), whether it has decisions and the ids of the
     * people recorded present, in id order; no row when there is no such meeting.
     */
    static final String LOCK_MEETING = """
            MATCH (m:Meeting {id: $id})
            SET m.writes = coalesce(m.writes, 0) + 1
            RETURN m, COLLECT { MATCH (m)-[:OF]->(b:Board) RETURN b.id }[0] AS board,
                   EXISTS { (m)-[:DECIDED]->(:Decision) } AS decided,
                   COLLECT { MATCH (m)<-[:ATTENDED]-(p:Person) RETURN p.id ORDER BY p.id } AS attendees
            """;

    /**
     * One row {@code d, board, meeting}: takes the write lock of decision {@code $id}, then returns
     * it, the id of its meeting's board (null when none) and its meeting's id; no row when there is
     * no such decision.
     */
    static final String LOCK_DECISION = """
            MATCH (d:Decision {id: $id})
            SET d.writes = coalesce(d.writes, 0) + 1
            RETURN d, COLLECT { MATCH (d)<-[:DECIDED]-(:Meeting)-[:OF]->(b:Board) RETURN b.id }[0] AS board,
                   COLLECT { MATCH (d)<-[:DECIDED]-(m:Meeting) RETURN m.id }[0] AS meeting
            """;

    /** One row {@code m}: sets meeting {@code $id}'s date, title and location, and its next version. */
    static final String UPDATE_MEETING = """
            MATCH (m:Meeting {id: $id})
            SET m.date = $date, m.title = $title, m.location = $location, m.version = coalesce(m.version, 0) + 1
            RETURN m
            """;

    /** One row {@code d}: sets decision {@code $id}'s text and number, and its next version. */
    static final String UPDATE_DECISION = """
            MATCH (d:Decision {id: $id})
            SET d.text = $text, d.number = $number, d.version = coalesce(d.version, 0) + 1
            RETURN d
            """;

    /** One row {@code d}: the decision with id {@code $id}. */
    static final String DECISION = """
            MATCH (d:Decision {id: $id})
            RETURN d
            """;
}
