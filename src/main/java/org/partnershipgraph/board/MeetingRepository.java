package org.partnershipgraph.board;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Writes of {@link MeetingEntity}. */
interface MeetingRepository extends Neo4jRepository<MeetingEntity, String> {
}
