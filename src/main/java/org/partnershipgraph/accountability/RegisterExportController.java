package org.partnershipgraph.accountability;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.partnershipgraph.graphql.ErrorCode;
import org.partnershipgraph.graphql.GraphQlErrorResponses;
import org.partnershipgraph.graphql.GraphSessions;
import org.partnershipgraph.graphql.StoppedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accountability register for auditors and partners: every action with its owner,
 * accountable body, status, due date and sources (and its owner, timescale and status as its
 * source document words them, then its RAG as given and the dates of its status and completion),
 * as UTF-8 CSV with a byte-order mark. Who may read it is the security filter chain's rule
 * ({@code Access.PARTNER}). The rows are read in one transaction (with the service's
 * transaction timeout) into a temporary file, which is then sent with its length and deleted once
 * sent: a slow reader holds no transaction open and meets no time limit, a reader whose download
 * breaks off can tell from the length that its file is short, and a failure to read the graph is
 * an error status, never a short file with 200.
 */
@RestController
public class RegisterExportController {

    /** Where the register is served. */
    public static final String PATH = "/export/accountability-register.csv";

    private static final List<String> COLUMNS = List.of("action_id", "title", "status", "due_date", "owner_id", "owner",
            "accountable_body_id", "accountable_body", "sources", "decision_ids", "owner_text", "timescale", "status_text",
            "rag", "status_as_of", "completed_date");

    /** Written first, so that spreadsheets read the file as UTF-8 (Excel otherwise shows "£" as "Â£"). */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final Logger LOG = LoggerFactory.getLogger(RegisterExportController.class);

    private final GraphSessions sessions;
    private final TransactionConfig transaction;

    RegisterExportController(GraphSessions sessions,
            @org.springframework.beans.factory.annotation.Value("${partnership.neo4j.transaction-timeout:30s}") Duration timeout) {
        this.sessions = sessions;
        this.transaction = TransactionConfig.builder().withTimeout(timeout).build();
    }

    @GetMapping(PATH)
    public ResponseEntity<Resource> register() throws IOException {
        Path file = Files.createTempFile("accountability-register-", ".csv");
        try {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    Session session = sessions.open(AccessMode.READ)) {
                writer.write(BYTE_ORDER_MARK);
                writer.write(String.join(",", COLUMNS));
                writer.write("\r\n");
                Result result = session.run(AccountabilityCypher.REGISTER, transaction);
                while (result.hasNext()) {
                    writeRow(writer, result.next());
                }
            }
            long length = Files.size(file);
            InputStream content = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .contentLength(length)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accountability-register.csv\"")
                    .body(new InputStreamResource(content));
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
    }

    /**
     * The graph could not be read: 503 with a GraphQL-style error ({@code UNAVAILABLE}), as for a
     * query; with {@code Retry-After} when the database was away, without when it stopped the read
     * at its time limit (trying again at once would take as long).
     */
    @ExceptionHandler(Neo4jException.class)
    void unavailable(Neo4jException ex, HttpServletResponse response) throws IOException {
        String message;
        if (StoppedTransactions.stopped(ex)) {
            LOG.warn("The accountability register was stopped before it was read in full (its transaction timed out or "
                    + "was terminated; partnership.neo4j.transaction-timeout is {}): {}", transaction.timeout(), ex.getMessage());
            message = "The graph database stopped reading the register before it finished: it took longer than the time "
                    + "limit on one request, or the database was shutting down. Trying again at once is likely to take as long; "
                    + "the service's operator can raise the limit.";
        } else {
            LOG.warn("The accountability register could not be read: {}", ex.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            message = "The graph database is unavailable just now; try again shortly.";
        }
        GraphQlErrorResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), ErrorType.INTERNAL_ERROR,
                ErrorCode.UNAVAILABLE, message, Map.of());
    }

    private static void writeRow(Writer writer, Record row) throws IOException {
        String[] cells = {text(row.get("id")), text(row.get("title")), text(row.get("status")), text(row.get("dueDate")),
                text(row.get("ownerId")), text(row.get("owner")), text(row.get("bodyId")), text(row.get("body")),
                String.join("; ", row.get("sources").asList(Value::asString)),
                String.join("; ", row.get("decisions").asList(Value::asString)), text(row.get("ownerText")),
                text(row.get("timescale")), text(row.get("statusText")), text(row.get("rag")), text(row.get("asOf")),
                text(row.get("completedDate"))};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csv(cells[i]));
        }
        writer.write("\r\n");
    }

    /**
     * A place where a spreadsheet starts reading a cell, followed by a character that makes it read
     * the cell as a formula (=, +, -, @, tab or carriage return: OWASP's list): the cell's start,
     * or a semicolon or line break in it (where a spreadsheet whose list separator
     * is the semicolon, and which reads quotes only at a cell's start, starts a cell or a row).
     */
    private static final Pattern FORMULA_AT_A_START = Pattern.compile("(^|[;\\n\\r])(?=[=+\\-@\t\r])");

    private static String text(Value value) {
        return value.isNull() ? "" : value.isTrue() || value.isFalse() ? String.valueOf(value.asBoolean())
                : value.type().name().equals("DATE") ? value.asLocalDate().toString() : value.asString();
    }

    /**
     * RFC 4180 quoting (also of a cell holding a semicolon); a leading =, +, -, @, tab or carriage
     * return is prefixed with ' so spreadsheets do not run the cell as a formula, and so is one
     * right after a semicolon or line break, where a spreadsheet whose list separator is the
     * semicolon (and which reads quotes only at a cell's start) starts a cell or a row.
     */
    static String csv(String cell) {
        String safe = FORMULA_AT_A_START.matcher(cell).replaceAll("$1'");
        if (safe.contains(",") || safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
