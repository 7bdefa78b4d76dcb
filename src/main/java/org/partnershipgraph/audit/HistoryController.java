package org.partnershipgraph.audit;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.history}: the change history, for auditors and admins. */
@Controller
public class HistoryController {

    private final History history;

    HistoryController(History history) {
        this.history = history;
    }

    @QueryMapping
    public List<HistoryEntry> history(@Argument String entityId) {
        return history.of(entityId);
    }
}
