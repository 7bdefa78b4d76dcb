package org.partnershipgraph.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * Who may read each schema field and run each operation, from {@code security/field-access.txt}
 * ({@code Type.field ACCESS} per line). Every schema field must have a line: a test compares
 * the file with the running schema.
 */
public final class FieldAccessPolicy {

    /** Where the policy lives on the classpath. */
    public static final String LOCATION = "security/field-access.txt";

    private final Map<String, Access> rules;

    private FieldAccessPolicy(Map<String, Access> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** Loads the policy from the classpath. */
    public static FieldAccessPolicy load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            Map<String, Access> rules = new LinkedHashMap<>();
            int lineNumber = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 2 || !parts[0].contains(".")) {
                    throw new IllegalStateException(LOCATION + ":" + lineNumber + ": expected 'Type.field ACCESS', got '" + text + "'");
                }
                rules.put(parts[0], Access.valueOf(parts[1]));
            }
            return new FieldAccessPolicy(rules);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + LOCATION, ex);
        }
    }

    /** Every rule, by {@code Type.field}. */
    public Map<String, Access> rules() {
        return rules;
    }
}
