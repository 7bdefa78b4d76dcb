package org.partnershipgraph.accountability;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.AccessMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The accountability register for auditors and partners: every action with its owner,
 * accountable body, status, due date and sources, as CSV, streamed row by row from Neo4j. Who may
 * read it is the security filter chain's rule ({@code Access.PARTNER}). Its transaction has the
 * service's transaction timeout, as every other, so a slow reader cannot hold it open.
 */
@RestController
public class RegisterExportController {

    /** Where the register is served. */
    public static final String PATH = "/export/accountability-register.csv";

    private static final List<String> COLUMNS = List.of("action_id", "title", "status", "due_date", "owner_id", "owner",
            "accountable_body_id", "accountable_body", "sources");

    private final Driver driver;
    private final TransactionConfig transaction;

    RegisterExportController(Driver driver,
            @org.springframework.beans.factory.annotation.Value("${partnership.neo4j.transaction-timeout:30s}") Duration timeout) {
        this.driver = driver;
        this.transaction = TransactionConfig.builder().withTimeout(timeout).build();
    }

    @GetMapping(PATH)
    public ResponseEntity<StreamingResponseBody> register() {
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(String.join(",", COLUMNS));
            writer.write("\r\n");
            try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                Result result = session.run(AccountabilityCypher.REGISTER, transaction);
                while (result.hasNext()) {
                    writeRow(writer, result.next());
                }
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accountability-register.csv\"")
                .body(body);
    }

    private static void writeRow(Writer writer, Record row) throws java.io.IOException {
        String[] cells = {text(row.get("id")), text(row.get("title")), text(row.get("status")), text(row.get("dueDate")),
                text(row.get("ownerId")), text(row.get("owner")), text(row.get("bodyId")), text(row.get("body")),
                String.join("; ", row.get("sources").asList(Value::asString))};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csv(cells[i]));
        }
        writer.write("\r\n");
    }

    private static String text(Value value) {
        return value.isNull() ? "" : value.isTrue() || value.isFalse() ? String.valueOf(value.asBoolean())
                : value.type().name().equals("DATE") ? value.asLocalDate().toString() : value.asString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csv(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
