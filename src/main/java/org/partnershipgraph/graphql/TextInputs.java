package org.partnershipgraph.graphql;

import java.text.Normalizer;

/** Checks of free-text input fields, shared by every mutation. */
public final class TextInputs {

    private TextInputs() {
    }

    /**
     * The value stripped of surrounding blanks (including no-break and zero-width spaces) and
     * composed (NFC: an accent given as a separate mark joins its letter, so filters and search find
     * it), or null when absent or blank and not required.
     *
     * @throws ValidationException naming {@code field} when the value is required and missing or
     *                             blank, longer than {@code max}, or holds control characters
     *                             (other than tab, line feed and carriage return) or bidirectional
     *                             override characters (U+202D, U+202E: text that reads other than
     *                             it is stored; the isolates that mark a right-to-left name are
     *                             taken)
     */
    public static String text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw new ValidationException(field, "is required");
            }
            return null;
        }
        String trimmed = composed(value);
        if (trimmed.isEmpty()) {
            if (required) {
                throw new ValidationException(field, "must not be empty");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters, was " + trimmed.length());
        }
        if (trimmed.chars().anyMatch(TextInputs::refused)) {
            throw new ValidationException(field, "must not contain control characters");
        }
        return trimmed;
    }

    /**
     * As {@link #text}, for a one-line field (a title, timescale, location or number): a line
     * break (including the Unicode line and paragraph separators, U+2028 and U+2029) or tab in it
     * is a {@link ValidationException} too.
     */
    public static String line(String field, String value, int max, boolean required) {
        String text = text(field, value, max, required);
        if (text != null && text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029')) {
            throw new ValidationException(field, "must be one line: no line breaks or tabs");
        }
        return text;
    }

    /**
     * A text filter as given, stripped of surrounding blanks (as {@link #text} strips them), so a
     * name pasted with a space around it still matches, and composed (NFC) as {@link #text} stores
     * text and search reads it, so an accent pasted as a separate mark matches too; null when absent.
     */
    public static String filter(String value) {
        return value == null ? null : composed(value);
    }

    /**
     * @throws ValidationException naming {@code field} when {@code id} is blank (as {@link #text}
     *                             reads blank), saying to leave the field out when it is not required
     */
    public static void requireNoBlankId(String field, String id, boolean required) {
        if (id != null && composed(id).isEmpty()) {
            throw new ValidationException(field, required ? "must not be blank: give the id of an existing node"
                    : "must not be blank: give the id of an existing node, or leave " + field + " out");
        }
    }

    /** {@code value} stripped of surrounding blanks and composed (NFC). */
    private static String composed(String value) {
        return Normalizer.normalize(strip(value), Normalizer.Form.NFC);
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && blank(value.charAt(start))) {
            start++;
        }
        while (end > start && blank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * Whitespace, space separators (no-break spaces), zero-width characters, and characters that
     * show nothing: direction marks, the soft hyphen, the combining grapheme joiner, the Hangul
     * fillers and the blank Braille pattern.
     */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || INVISIBLE.indexOf(c) >= 0;
    }

    /** Characters that show nothing and are not {@link Character#isSpaceChar space characters}. */
    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u00AD\u034F\u180E\u115F\u1160\u3164\uFFA0\u2800";

    private static boolean refused(int c) {
        boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
        boolean bidiOverride = c == 0x202D || c == 0x202E;
        return control || bidiOverride;
    }
}
