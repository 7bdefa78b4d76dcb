package org.partnershipgraph.organisation;

import java.util.List;

/** Filter of {@code Query.organisations}. */
public record OrganisationFilter(List<OrganisationKind> kind, String name, String partOf) {
}
