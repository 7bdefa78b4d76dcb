package org.partnershipgraph.graphql;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.graphql.execution.SchemaReport;

/** Holds the schema-mapping inspection report of the running schema, for tests and diagnostics. */
public class SchemaMappingReport {

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    void set(SchemaReport schemaReport) {
        report.set(schemaReport);
    }

    /** The report, or null before the schema has been built. */
    public SchemaReport get() {
        return report.get();
    }
}
