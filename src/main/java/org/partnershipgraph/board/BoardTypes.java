package org.partnershipgraph.board;

import org.partnershipgraph.graphql.EntityType;
import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Node types and graph schema of the board feature. */
@Configuration(proxyBeanMethods = false)
public class BoardTypes {

    @Bean
    EntityType boardType() {
        return EntityType.of("Board", Board.class, Board::from);
    }

    @Bean
    EntityType meetingType() {
        return EntityType.of("Meeting", Meeting.class, Meeting::from);
    }

    @Bean
    EntityType decisionType() {
        return EntityType.of("Decision", Decision.class, Decision::from);
    }

    @Bean
    SchemaStatements boardSchema() {
        return new SchemaStatements("board", BoardCypher.SCHEMA);
    }
}
