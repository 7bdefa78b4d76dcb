package org.partnershipgraph.organisation;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;
import org.partnershipgraph.audit.Source;
import org.partnershipgraph.graphql.Props;

/**
 * That a person holds or held a post, as the documents state it: current when stated by the newest
 * document naming any holder of the post, as of the newest document stating it.
 */
public record Holding(Person person, Post post, boolean current, LocalDate asOf, List<Source> sources) {

    /** Reads a map {@code {person, post, current, asOf, sources}} from the holdings queries. */
    static Holding from(Value v) {
        return new Holding(Person.from(v.get("person").asNode()), Post.from(v.get("post").asNode()),
                v.get("current").asBoolean(), Props.date(v, "asOf"), Source.list(v.get("sources")));
    }
}
