package org.partnershipgraph.board;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Writes of {@link DecisionEntity}. */
interface DecisionRepository extends Neo4jRepository<DecisionEntity, String> {
}
