package org.partnershipgraph.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.core.ParameterizedTypeReference;

/** Organisations, people and posts. */
class OrganisationGraphQlTest extends GraphQlTestBase {

    @Test
    void nestedListsSortByNameIgnoringCase() {
        List<List<String>> lists = new ArrayList<>();
        for (String list : List.of("parts { name }", "posts { name: title }")) {
            List<Map<String, List<Map<String, String>>>> nodes = graphQl.document(
                    "{ organisations(first: 100) { edges { node { " + list + " } } } }").execute()
                    .path("organisations.edges[*].node")
                    .entity(new ParameterizedTypeReference<List<Map<String, List<Map<String, String>>>>>() { }).get();
            nodes.forEach(node -> node.values().forEach(items -> lists.add(items.stream().map(i -> i.get("name")).toList())));
        }
        graphQl.document("{ organisation(id: \"org-tc-public-health\") { parts { name } } }").execute()
                .path("organisation.parts[*].name").entityList(String.class)
                .containsExactly("Healthcare Public Health Team", "stop smoking core team", "Thurrock Healthy Lifestyle Service");
        assertThat(lists).allSatisfy(names -> assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER));
    }

    @Test
    void findsATrustByItsAbbreviation() {
        graphQl.document("{ organisations(filter: {name: \"EPUT\"}) { edges { node { id name shortName kind } } } }")
                .execute()
                .path("organisations.edges[*].node.id").entityList(String.class).contains("org-eput");
    }

    @Test
    void filterByKind() {
        long trusts = count("MATCH (o:Organisation {kind: 'NHS_TRUST'}) RETURN count(o)");
        graphQl.document("{ organisations(filter: {kind: [NHS_TRUST]}) { totalCount edges { node { kind } } } }")
                .execute()
                .path("organisations.totalCount").entity(Long.class).isEqualTo(trusts)
                .path("organisations.edges[*].node.kind").entityList(String.class).containsExactly(
                        java.util.Collections.nCopies((int) Math.min(trusts, 20), "NHS_TRUST").toArray(String[]::new));
    }

    @Test
    void councilTeamsArePartOfTheCouncil() {
        graphQl.document("""
                { organisation(id: "org-tc-public-health") { name partOf { id } }
                  parent: organisation(id: "org-thurrock-council") { parts { id } } }
                """)
                .execute()
                .path("organisation.partOf").entityList(Object.class).hasSizeGreaterThan(0)
                .path("parent.parts").entityList(Object.class).hasSizeGreaterThan(0);
    }

    @Test
    void aPostHeldByDifferentPeopleOverTheYearsNamesItsCurrentHolder() {
        graphQl.document("""
                { person(id: "person-ian-wake") { posts { id } holdings { post { id } current asOf } }
                  dph: person(id: "person-jo-broadbent") { posts { id holders { id }
                    holdings { person { id } current asOf sources { document { id } lines quote } } } } }
                """)
                .execute()
                .path("person.posts[*].id").entityList(String.class)
                .containsExactly("post-tc-executive-director-of-adults-housing-and-health")
                .path("person.holdings[*].post.id").entityList(String.class)
                .containsExactly("post-tc-executive-director-of-adults-housing-and-health", "post-tc-director-of-public-health")
                .path("person.holdings[*].current").entityList(Boolean.class).containsExactly(true, false)
                .path("person.holdings[*].asOf").entityList(String.class).containsExactly("2024-03-07", "2019-03-07")
                .path("dph.posts[0].id").entity(String.class).isEqualTo("post-tc-director-of-public-health")
                .path("dph.posts[0].holders[*].id").entityList(String.class).containsExactly("person-jo-broadbent")
                .path("dph.posts[0].holdings[*].person.id").entityList(String.class)
                .containsExactly("person-jo-broadbent", "person-ian-wake")
                .path("dph.posts[0].holdings[1].sources[*].document.id").entityList(String.class)
                .satisfies(list -> assertThat(list).isNotEmpty().containsOnly("doc-003"))
                .path("dph.posts[0].holdings[1].sources[0].quote").entity(String.class)
                .isEqualTo("Ian Wake, Director of Public Health");
    }

    @Test
    void twoPeopleNamedByTheSameDocumentBothHoldThePost() {
        graphQl.document("{ person(id: \"person-preeti-sud\") { posts { holders { id } } } }").execute()
                .path("person.posts[0].holders[*].id").entityList(String.class)
                .contains("person-preeti-sud", "person-andrew-pike").hasSize(2);
    }

    @Test
    void peopleHoldPostsAtOrganisations() {
        graphQl.document("""
                { people(filter: {name: "Broadbent"}) { edges { node { id name posts { title organisation { id } holders { id } } } } } }
                """)
                .execute()
                .path("people.edges[0].node.id").entity(String.class).isEqualTo("person-jo-broadbent")
                .path("people.edges[0].node.posts").entityList(Object.class).hasSizeGreaterThan(0);
    }
}
