package org.partnershipgraph.search;

import java.util.List;

import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of full-text search. */
@Controller
public class SearchController {

    private final SearchQueries queries;

    SearchController(SearchQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public Connection<SearchHit> search(@Argument String text, @Argument List<SearchKind> kinds, @Argument Integer first,
            @Argument String after) {
        return queries.search(SearchText.of(text), kinds, PageRequest.of(first, after));
    }
}
