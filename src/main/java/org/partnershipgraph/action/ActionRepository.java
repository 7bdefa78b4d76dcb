package org.partnershipgraph.action;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Writes of {@link ActionEntity}; reads go through {@code ActionQueries}. */
interface ActionRepository extends Neo4jRepository<ActionEntity, String> {
}
