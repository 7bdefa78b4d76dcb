package org.partnershipgraph.seed;

import java.util.List;
import java.util.stream.Collectors;

/** The seed data has problems; nothing was written. */
public class SeedValidationException extends RuntimeException {

    private final transient List<SeedProblem> problems;

    public SeedValidationException(List<SeedProblem> problems) {
        super(problems.size() + " problem(s) in seed-data; nothing was written:\n"
                + problems.stream().limit(50).map(SeedProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<SeedProblem> problems() {
        return problems;
    }
}
