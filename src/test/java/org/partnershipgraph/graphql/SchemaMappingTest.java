package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

/** Every schema field has a data fetcher, and every controller mapping has a schema field. */
class SchemaMappingTest extends GraphQlTestBase {

    @Autowired
    SchemaMappingReport report;

    @Test
    void everySchemaFieldIsMapped() {
        graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
        SchemaReport schemaReport = report.get();
        assertThat(schemaReport).as("schema inspection ran").isNotNull();
        assertThat(schemaReport.unmappedFields()).as(schemaReport.toString()).isEmpty();
        assertThat(schemaReport.unmappedRegistrations()).as(schemaReport.toString()).isEmpty();
        assertThat(schemaReport.unmappedArguments()).as(schemaReport.toString()).isEmpty();
        assertThat(schemaReport.skippedTypes()).as(schemaReport.toString()).isEmpty();
    }
}
