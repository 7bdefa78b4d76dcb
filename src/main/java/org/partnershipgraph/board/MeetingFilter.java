package org.partnershipgraph.board;

import java.time.LocalDate;

/** Filter of {@code Query.meetings}. */
public record MeetingFilter(String board, LocalDate from, LocalDate to) {
}
