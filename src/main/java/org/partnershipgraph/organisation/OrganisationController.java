package org.partnershipgraph.organisation;

import org.partnershipgraph.board.Board;
import java.util.List;
import java.util.Map;

import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of organisations, people and posts. */
@Controller
public class OrganisationController {

    private final OrganisationQueries queries;

    OrganisationController(OrganisationQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public Organisation organisation(@Argument String id) {
        return queries.organisation(id).orElse(null);
    }

    @QueryMapping
    public Connection<Organisation> organisations(@Argument Integer first, @Argument String after,
            @Argument OrganisationFilter filter, @Argument OrganisationOrder orderBy) {
        return queries.organisations(PageRequest.of(first, after), filter, orderBy);
    }

    @QueryMapping
    public Person person(@Argument String id) {
        return queries.person(id).orElse(null);
    }

    @QueryMapping
    public Connection<Person> people(@Argument Integer first, @Argument String after, @Argument PersonFilter filter,
            @Argument PersonOrder orderBy) {
        return queries.people(PageRequest.of(first, after), filter, orderBy);
    }

    @BatchMapping(typeName = "Organisation")
    public Map<Organisation, List<Organisation>> partOf(List<Organisation> orgs) {
        return queries.partOf(orgs);
    }

    @BatchMapping(typeName = "Organisation")
    public Map<Organisation, List<Organisation>> parts(List<Organisation> orgs) {
        return queries.parts(orgs);
    }

    @BatchMapping(typeName = "Organisation")
    public Map<Organisation, List<Organisation>> successors(List<Organisation> orgs) {
        return queries.successors(orgs);
    }

    @BatchMapping(typeName = "Organisation", field = "posts")
    public Map<Organisation, List<Post>> postsAt(List<Organisation> orgs) {
        return queries.postsAt(orgs);
    }

    @BatchMapping(typeName = "Organisation")
    public Map<Organisation, List<Board>> memberOf(List<Organisation> orgs) {
        return queries.memberOf(orgs);
    }

    @BatchMapping(typeName = "Person", field = "posts")
    public Map<Person, List<Post>> postsHeld(List<Person> people) {
        return queries.postsHeld(people);
    }

    @BatchMapping(typeName = "Person", field = "holdings")
    public Map<Person, List<Holding>> personHoldings(List<Person> people) {
        return queries.personHoldings(people);
    }

    @BatchMapping(typeName = "Post", field = "holdings")
    public Map<Post, List<Holding>> postHoldings(List<Post> posts) {
        return queries.postHoldings(posts);
    }

    @BatchMapping(typeName = "Post", field = "organisation")
    public Map<Post, Organisation> postOrganisation(List<Post> posts) {
        return queries.postOrganisation(posts);
    }

    @BatchMapping(typeName = "Post")
    public Map<Post, List<Person>> holders(List<Post> posts) {
        return queries.holders(posts);
    }
}
