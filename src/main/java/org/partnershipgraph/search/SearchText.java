package org.partnershipgraph.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.partnershipgraph.graphql.BadRequestException;

/**
 * What a reader typed, as the Lucene query the full-text index answers: the words of the text (runs
 * of letters and digits, lower-cased, keeping an apostrophe inside a word as the index's tokenizer
 * does, so "Children's" is one word and matches "Children’s", "Childrens" and "Children" too, and
 * likewise "14,000" and "5.9"), every one required but "and" among others, each matching a whole
 * word or the start of one; a whole word ranks higher, and higher still in a short name, a
 * name or a title than in an alias, a description or a vision. A Han ideograph or a Hiragana
 * character is a word of its own, and a word ends where its letters change script, as the index's
 * analyser splits them. Nothing else of the text reaches
 * Lucene, so its query syntax cannot be injected and no text fails to parse.
 *
 * @param words the words searched for
 */
record SearchText(List<String> words) {

    /** Longest text accepted. */
    static final int MAX_LENGTH = 200;

    /** Most words accepted. */
    static final int MAX_WORDS = 10;

    /** The one word that is not required when others are given (see {@link #luceneQuery()}). */
    private static final String AND = "and";

    /**
     * A word: letters and digits, with any apostrophe between two of them, a full stop or comma
     * between two digits ("14,000", "5.9") and a full stop between two letters ("h.r"), which the
     * index's tokenizer keeps inside a word too.
     */
    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:(?:'|(?<=\\p{N})[.,](?=\\p{N})|(?<=\\p{L})\\.(?=\\p{L}))[\\p{L}\\p{M}\\p{N}]+)*");

    /** Apostrophes, full stops and commas left at either end of a piece of a word once its ideographs are split off. */
    private static final Pattern EDGE_APOSTROPHES = Pattern.compile("^['.,]+|['.,]+$");

    /**
     * {@code word} as the index's analyser splits it: each Han ideograph or Hiragana character is a
     * word of its own (so a Chinese sentence is many words, as many Lucene clauses), and a word also
     * ends where its letters change script (Latin to Katakana or Thai, say); digits, marks and
     * apostrophes stay with the letters around them.
     */
    private static Stream<String> analyzerWords(String word) {
        List<String> words = new ArrayList<>();
        int start = 0;
        Character.UnicodeScript script = null;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            int next = i + Character.charCount(c);
            Character.UnicodeScript own = Character.UnicodeScript.of(c);
            if (own == Character.UnicodeScript.HAN || own == Character.UnicodeScript.HIRAGANA) {
                words.add(word.substring(start, i));
                words.add(word.substring(i, next));
                start = next;
                script = null;
            } else if (Character.isLetter(c) && own != Character.UnicodeScript.COMMON
                    && own != Character.UnicodeScript.INHERITED) {
                if (script != null && own != script) {
                    words.add(word.substring(start, i));
                    start = i;
                }
                script = own;
            }
            i = next;
        }
        words.add(word.substring(start));
        return words.stream().map(w -> EDGE_APOSTROPHES.matcher(w).replaceAll("")).filter(w -> !w.isEmpty());
    }

    /**
     * {@code text} composed (NFC: an accent typed or pasted as a separate mark joins its letter, as
     * in text typed the usual way; text stored decomposed is not matched so) and lower-cased one
     * code point at a time, as the index's analyzer lowers what it stores ("İ" is "i", where
     * {@code String.toLowerCase} would add a dot above).
     */
    static String lower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    /** The words of {@code text}; a text too long, with too many words or with none is a {@link BadRequestException}. */
    static SearchText of(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new BadRequestException("text is " + text.length() + " characters long; search with at most "
                    + MAX_LENGTH + " characters");
        }
        List<String> words = WORD.matcher(lower(text).replace('\u2019', '\'')).results()
                .map(MatchResult::group).flatMap(SearchText::analyzerWords).toList();
        if (words.isEmpty()) {
            throw new BadRequestException("text has no words to search for: give at least one word of letters or digits");
        }
        if (words.size() > MAX_WORDS) {
            throw new BadRequestException("text has " + words.size() + " words; search with at most " + MAX_WORDS);
        }
        return new SearchText(words);
    }

    /**
     * The Lucene query: one clause per word, each required, but "and" among other words, which only
     * ranks, as the plain word (a name written with "&" has no word "and": the tokenizer drops the
     * sign); a word with an apostrophe in either form and without it ("luke's" as "lukes"), a
     * possessive also as its stem, as a whole word only ("children's" as "children", but "it's" not
     * as the start of "items"), and a word ending in "s" also as its possessive ("childrens" as
     * "children's").
     */
    String luceneQuery() {
        boolean others = words.stream().anyMatch(word -> !word.equals(AND));
        return words.stream()
                .map(word -> others && word.equals(AND) ? AND
                        : forms(word).stream().map(SearchText::clauses).collect(Collectors.joining(" OR ", "+(", ")")))
                .collect(Collectors.joining(" "));
    }

    /** The clauses of one spelling of a word: as a whole word in each field, boosted, and as the start of one. */
    private static String clauses(Spelling spelling) {
        String form = spelling.text();
        return "shortName:" + form + "^8 OR name:" + form + "^4 OR title:" + form + "^4 OR " + form + "^2"
                + (spelling.prefix() ? " OR " + form + "*" : "");
    }

    /** One spelling of a word searched for, and whether it may also be the start of a word. */
    private record Spelling(String text, boolean prefix) {
    }

    private static List<Spelling> forms(String word) {
        List<Spelling> spellings = new ArrayList<>(List.of(new Spelling(word, true)));
        if (word.indexOf('\'') >= 0) {
            spellings.add(new Spelling(word.replace("'", ""), true));
            if (word.endsWith("'s") && word.length() > 3) {
                spellings.add(new Spelling(word.substring(0, word.length() - 2), false));
            }
        } else if (word.length() > 2 && word.endsWith("s")) {
            spellings.add(new Spelling(word.substring(0, word.length() - 1) + "'s", true));
        }
        return spellings.stream()
                .flatMap(form -> Stream.of(form, new Spelling(form.text().replace('\'', '\u2019'), form.prefix())))
                .distinct().toList();
    }
}
