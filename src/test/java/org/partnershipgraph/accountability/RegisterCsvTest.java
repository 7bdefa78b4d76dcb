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

    @Test
    void aSemicolonIsQuotedAndAFormulaAfterItOrALineBreakIsPrefixed() {
        assertThat(RegisterExportController.csv("Review; report")).isEqualTo("\"Review; report\"");
        assertThat(RegisterExportController.csv("Review;=cmd|' /C calc'!A0;x")).isEqualTo("\"Review;'=cmd|' /C calc'!A0;x\"");
        assertThat(RegisterExportController.csv("=1;+2;-3;@4")).isEqualTo("\"'=1;'+2;'-3;'@4\"");
        assertThat(RegisterExportController.csv("Plan\n=cmd")).isEqualTo("\"Plan\n'=cmd\"");
        for (String cell : new String[] {"Review;=1+1;x", "a;-b", "x;@SUM(A1)", "=a;=b", "x\r\n+1\n@2"}) {
            assertThat(RegisterExportController.csv(cell).replace("\"", "").split("[;\r\n]"))
                    .as(cell).noneMatch(piece -> !piece.isEmpty() && "=+-@".indexOf(piece.charAt(0)) >= 0);
        }
    }
}
