package org.partnershipgraph.organisation;

/** What sort of organisation it is. */
public enum OrganisationKind {
    ICB, CCG, STP, ICS, NHS_TRUST, NHS_ENGLAND, PCN, GP_PRACTICE, DENTAL_PRACTICE, LOCAL_AUTHORITY, DIRECTORATE,
    TEAM, SERVICE, VCS, HEALTHWATCH, POLICE, PROVIDER, REGULATOR, GOVERNMENT, ACADEMIC, OTHER
}
