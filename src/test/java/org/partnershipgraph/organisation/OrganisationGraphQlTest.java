package org.partnershipgraph.organisation;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;

/** Organisations, people and posts. */
class OrganisationGraphQlTest extends GraphQlTestBase {

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
    void peopleHoldPostsAtOrganisations() {
        graphQl.document("""
                { people(filter: {name: "Broadbent"}) { edges { node { id name posts { title organisation { id } holders { id } } } } } }
                """)
                .execute()
                .path("people.edges[0].node.id").entity(String.class).isEqualTo("person-jo-broadbent")
                .path("people.edges[0].node.posts").entityList(Object.class).hasSizeGreaterThan(0);
    }
}
