package org.partnershipgraph.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The register's cells: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
class RegisterCsvTest {

    @Test
    void cellsAreQuotedAsRfc4180Asks() {
        assertThat(RegisterExportController.csv("plain")).isEqualTo("plain");
        assertThat(RegisterExportController.csv("a, b")).isEqualTo("\"a, b\"");
        assertThat(RegisterExportController.csv("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
        assertThat(RegisterExportController.csv("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(RegisterExportController.csv("")).isEmpty();
    }

    @Test
    void aCellThatCouldRunAsAFormulaIsPrefixed() {
        for (String start : new String[] {"=", "+", "-", "@", "\t", "\r"}) {
            assertThat(RegisterExportController.csv(start + "SUM(A1)")).as("starting %s", start.strip())
                    .startsWith(start.equals("\r") ? "\"'" : "'");
        }
        assertThat(RegisterExportController.csv("£250m fund – 2024")).isEqualTo("£250m fund – 2024");
    }
}
