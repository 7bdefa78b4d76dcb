package org.partnershipgraph.progress;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.partnershipgraph.board.Board;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.ListOrder;
import org.partnershipgraph.organisation.Organisation;
import org.partnershipgraph.strategy.Domain;
import org.partnershipgraph.strategy.Priority;

/**
 * The order of a roll-up's children: the order the same entities have in their parent's list
 * ({@code Strategy.domains}, {@code Domain.priorities}, {@code Board.subBoards},
 * {@code Organisation.parts}), then id.
 */
final class ChildOrder {

    private static final Comparator<Domain> DOMAINS = comparing(Domain::number, nullsLast(naturalOrder()))
            .thenComparing(Domain::title, nullsLast(naturalOrder()));

    private static final Comparator<Priority> PRIORITIES = comparing((Priority p) -> rank(p.number()),
            ListOrder.lexicographic(nullsLast(Comparator.<Long>naturalOrder())))
            .thenComparing(Priority::number, nullsLast(naturalOrder()))
            .thenComparing(Priority::title, nullsLast(naturalOrder()));

    private static final Comparator<Board> BOARDS = comparing(b -> lower(b.name()), nullsLast(naturalOrder()));

    private static final Comparator<Organisation> ORGANISATIONS = comparing(o -> lower(o.name()), nullsLast(naturalOrder()));

    private ChildOrder() {
    }

    /** Compares two children of one roll-up (entities of one kind), as their parent's list orders them. */
    static int compare(Object a, Object b) {
        int byKind = 0;
        if (a instanceof Domain x && b instanceof Domain y) {
            byKind = DOMAINS.compare(x, y);
        } else if (a instanceof Priority x && b instanceof Priority y) {
            byKind = PRIORITIES.compare(x, y);
        } else if (a instanceof Board x && b instanceof Board y) {
            byKind = BOARDS.compare(x, y);
        } else if (a instanceof Organisation x && b instanceof Organisation y) {
            byKind = ORGANISATIONS.compare(x, y);
        }
        return byKind != 0 ? byKind : id(a).compareTo(id(b));
    }

    /**
     * The numbers a priority's number starts with, part by part ("4.10" is [4, 10], "2b" is [2]),
     * null for a part that starts with none or with more than a 64-bit integer holds: as {@code StrategyCypher.PRIORITIES} ranks them.
     */
    static List<Long> rank(String number) {
        List<Long> rank = new ArrayList<>();
        for (String part : (number == null ? "" : number).split("\\.", -1)) {
            int digits = 0;
            while (digits < part.length() && part.charAt(digits) >= '0' && part.charAt(digits) <= '9') {
                digits++;
            }
            rank.add(digits == 0 ? null : parse(part.substring(0, digits)));
        }
        return rank;
    }

    private static Long parse(String digits) {
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException beyondCyphersIntegers) {
            return null;
        }
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String id(Object entity) {
        return entity instanceof Identified i ? String.valueOf(i.id()) : "";
    }
}
