package org.partnershipgraph.graphql;

/** Checks of free-text input fields, shared by every mutation. */
public final class TextInputs {

    private TextInputs() {
    }

    /**
     * The value stripped of surrounding blanks, or null when absent and not required.
     *
     * @throws ValidationException naming {@code field} when the value is required and missing or
     *                             empty, longer than {@code max}, or holds control characters
     */
    public static String text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw new ValidationException(field, "is required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (required && trimmed.isEmpty()) {
            throw new ValidationException(field, "must not be empty");
        }
        if (trimmed.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters, was " + trimmed.length());
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new ValidationException(field, "must not contain control characters");
        }
        return trimmed;
    }
}
