package org.partnershipgraph.organisation;

import org.partnershipgraph.board.Board;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnershipgraph.graphql.Batches;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.Connections;
import org.partnershipgraph.graphql.EntityTypes;
import org.partnershipgraph.graphql.OrderDirection;
import org.partnershipgraph.graphql.PageRequest;
import org.partnershipgraph.graphql.TextInputs;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read queries of organisations, people and posts; each method is one Cypher round trip. */
@Component
@Transactional(readOnly = true)
class OrganisationQueries {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    OrganisationQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Optional<Organisation> organisation(String id) {
        return neo4j.query(OrganisationCypher.ORGANISATION).bindAll(Map.of("id", id))
                .fetchAs(Organisation.class).mappedBy((t, r) -> Organisation.from(r.get("o").asNode())).one();
    }

    Connection<Organisation> organisations(PageRequest page, OrganisationFilter filter, OrganisationOrder order) {
        Map<String, Object> params = new HashMap<>();
        params.put("kinds", filter == null || filter.kind() == null ? null
                : filter.kind().stream().map(Enum::name).toList());
        params.put("name", filter == null ? null : TextInputs.filter(filter.name()));
        params.put("partOf", filter == null ? null : filter.partOf());
        OrganisationOrder.Field field = order == null || order.field() == null ? OrganisationOrder.Field.NAME : order.field();
        boolean descending = order != null && order.direction() == OrderDirection.DESC;
        return Connections.page(neo4j, OrganisationCypher.ORGANISATIONS, params, page, field.name(), descending,
                Organisation::from);
    }

    Optional<Person> person(String id) {
        return neo4j.query(OrganisationCypher.PERSON).bindAll(Map.of("id", id))
                .fetchAs(Person.class).mappedBy((t, r) -> Person.from(r.get("p").asNode())).one();
    }

    Connection<Person> people(PageRequest page, PersonFilter filter, PersonOrder order) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", filter == null ? null : TextInputs.filter(filter.name()));
        params.put("organisation", filter == null ? null : filter.organisation());
        PersonOrder.Field field = order == null || order.field() == null ? PersonOrder.Field.NAME : order.field();
        boolean descending = order != null && order.direction() == OrderDirection.DESC;
        return Connections.page(neo4j, OrganisationCypher.PEOPLE, params, page, field.name(), descending, Person::from);
    }

    Map<Organisation, List<Organisation>> partOf(List<Organisation> orgs) {
        return Batches.lists(neo4j, OrganisationCypher.PART_OF, orgs, (r, v) -> Organisation.from(v.asNode()));
    }

    Map<Organisation, List<Organisation>> parts(List<Organisation> orgs) {
        return Batches.lists(neo4j, OrganisationCypher.PARTS, orgs, (r, v) -> Organisation.from(v.asNode()));
    }

    Map<Organisation, List<Organisation>> successors(List<Organisation> orgs) {
        return Batches.lists(neo4j, OrganisationCypher.SUCCESSORS, orgs, (r, v) -> Organisation.from(v.asNode()));
    }

    Map<Organisation, List<Post>> postsAt(List<Organisation> orgs) {
        return Batches.lists(neo4j, OrganisationCypher.POSTS_AT, orgs, (r, v) -> Post.from(v.asNode()));
    }

    Map<Organisation, List<Board>> memberOf(List<Organisation> orgs) {
        return Batches.lists(neo4j, OrganisationCypher.MEMBER_OF, orgs, (r, v) -> Board.from(v.asNode()));
    }

    Map<Person, List<Post>> postsHeld(List<Person> people) {
        return Batches.lists(neo4j, OrganisationCypher.POSTS_HELD, people, (r, v) -> Post.from(v.asNode()));
    }

    Map<Post, Organisation> postOrganisation(List<Post> posts) {
        return Batches.single(neo4j, OrganisationCypher.POST_ORGANISATION, posts, (r, v) -> Organisation.from(v.asNode()));
    }

    Map<Post, List<Holding>> postHoldings(List<Post> posts) {
        return Batches.lists(neo4j, OrganisationCypher.POST_HOLDINGS, posts, (r, v) -> Holding.from(v));
    }

    Map<Person, List<Holding>> personHoldings(List<Person> people) {
        return Batches.lists(neo4j, OrganisationCypher.PERSON_HOLDINGS, people, (r, v) -> Holding.from(v));
    }

    Map<Post, List<Person>> holders(List<Post> posts) {
        return Batches.lists(neo4j, OrganisationCypher.HOLDERS, posts, (r, v) -> Person.from(v.asNode()));
    }
}
