package org.partnershipgraph.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.neo4j.driver.Record;
import org.partnershipgraph.graphql.EntityType;
import org.partnershipgraph.graphql.GraphQlTypeMapping;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import reactor.core.publisher.Mono;

/**
 * The {@code sources} field of every entity type, batch-loaded in one query per request
 * level whatever the mix of types, plus the {@code SourceDocument} node type.
 */
@Configuration(proxyBeanMethods = false)
public class SourcesWiring {

    /** The GraphQL types that carry {@code sources: [Source!]!}. */
    static final Set<String> SOURCED_TYPES = Set.of("Organisation", "Person", "Post", "Board", "Meeting", "Decision",
            "Strategy", "Domain", "Priority", "Indicator", "Action", "Milestone");

    private static final String LOADER = "sources";

    SourcesWiring(BatchLoaderRegistry registry, Neo4jClient neo4j, PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        registry.<String, List<Source>>forName(LOADER).registerMappedBatchLoader((ids, env) -> Mono.fromCallable(
                () -> readOnly.execute(status -> load(neo4j, ids))));
    }

    @Bean
    EntityType sourceDocumentType() {
        return EntityType.of("SourceDocument", SourceDocument.class, SourceDocument::from);
    }

    @Bean
    SchemaStatements historySchema() {
        return new SchemaStatements("audit", HistoryCypher.SCHEMA);
    }

    @Bean
    GraphQlTypeMapping sourceType() {
        return new GraphQlTypeMapping("Source", Source.class);
    }

    @Bean
    RuntimeWiringConfigurer sourcesFields() {
        SourcesFetcher fetcher = new SourcesFetcher();
        return wiring -> SOURCED_TYPES.forEach(type -> wiring.type(type, t -> t.dataFetcher("sources", fetcher)));
    }

    /** Fetches {@code sources} of any entity through the shared DataLoader; describes itself for schema inspection. */
    static final class SourcesFetcher implements SelfDescribingDataFetcher<CompletableFuture<List<Source>>> {

        @Override
        public CompletableFuture<List<Source>> get(DataFetchingEnvironment env) {
            DataLoader<String, List<Source>> loader = env.getDataLoader(LOADER);
            Identified source = env.getSource();
            return loader.load(source.id());
        }

        @Override
        public String getDescription() {
            return "sources of an entity, batch-loaded";
        }

        @Override
        public ResolvableType getReturnType() {
            return ResolvableType.forClassWithGenerics(List.class, Source.class);
        }

        @Override
        public boolean usesDataLoader() {
            return true;
        }
    }

    private static Map<String, List<Source>> load(Neo4jClient neo4j, Set<String> ids) {
        Map<String, List<Source>> result = new HashMap<>();
        for (String id : ids) {
            result.put(id, List.of());
        }
        for (Record row : neo4j.query(AuditCypher.SOURCES).bindAll(Map.of("ids", List.copyOf(ids)))
                .fetchAs(Record.class).mappedBy((t, r) -> r).all()) {
            result.put(row.get("id").asString(), Source.list(row.get("items")));
        }
        return result;
    }
}
