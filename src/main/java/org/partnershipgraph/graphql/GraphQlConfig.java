package org.partnershipgraph.graphql;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import tools.jackson.databind.json.JsonMapper;

/** Scalars, schema-mapping inspection and the HTTP endpoint for the GraphQL schema in {@code schema/*.graphqls}. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfig {

    private static final Logger log = LoggerFactory.getLogger(GraphQlConfig.class);

    /** Distinct query texts kept parsed and validated. */
    private static final int DOCUMENT_CACHE_SIZE = 1000;

    @Bean
    RuntimeWiringConfigurer scalars() {
        // Strict mode refuses to redefine a built-in scalar: lifted for ID alone.
        return wiring -> wiring
                .strictMode(false).scalar(StrictIdScalar.ID).strictMode(true)
                .scalar(StrictDateScalar.DATE)
                .scalar(ExtendedScalars.DateTime)
                .scalar(GraphQLScalarType.newScalar(ExtendedScalars.Url).name("URL").build());
    }

    /**
     * Controller and batch-loader methods run on the request's own thread (a virtual thread,
     * {@code spring.threads.virtual.enabled}), not handed to the task executor as Boot configures:
     * each hand-off and the asynchronous servlet dispatch it forces cost more than running a
     * request's fields one after another saves ({@code bench/run breakdown}).
     */
    @Bean
    static BeanPostProcessor controllersOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }

    /** Batch loader registrations, whose DataLoaders a request creates when it first uses one; see {@link LazyDataLoaders}. */
    @Bean
    BatchLoaderRegistry batchLoaderRegistry() {
        return new LazyDataLoaders.DeferredBatchLoaderRegistry();
    }

    /** Spring for GraphQL's execution service, with each request's DataLoaders created on first use. */
    @Bean
    ExecutionGraphQlService executionGraphQlService(GraphQlSource graphQlSource, BatchLoaderRegistry batchLoaderRegistry) {
        return LazyDataLoaders.executionService(graphQlSource, batchLoaderRegistry);
    }

    /** {@code POST /graphql} served ahead of Spring for GraphQL's functional endpoint; see {@link GraphQlHttpEndpoint}. */
    @Bean
    GraphQlHttpEndpoint graphQlHttpEndpoint(WebGraphQlHandler webGraphQlHandler, GraphQlHttpHandler graphQlHttpHandler,
            JsonMapper jsonMapper, GraphQlProperties properties) {
        return new GraphQlHttpEndpoint(webGraphQlHandler, jsonMapper, properties.getHttp().getPath(),
                graphQlHttpHandler.isHttpOkOnValidationErrors());
    }

    /**
     * A blank {@code ID} in a mutation's input is VALIDATION naming the field; see
     * {@link BlankIdInstrumentation}. First in the chain, so innermost: the field access check
     * (a role that may not run the mutation) answers before it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    Instrumentation blankIds() {
        return new BlankIdInstrumentation();
    }

    @Bean
    SchemaStatements nodeSchema() {
        return new SchemaStatements("node", GraphQlSchemaCypher.NODE_SCHEMA);
    }

    @Bean
    SchemaMappingReport schemaMappingReport() {
        return new SchemaMappingReport();
    }

    /**
     * Keeps each request's DataLoaders created on first use after the instrumentations that copy
     * the request's registry, and clears them for each subscription event; added to the end of the
     * instrumentation chain, not as beans.
     */
    @Bean
    GraphQlSourceBuilderCustomizer lazyDataLoadersLast() {
        return builder -> builder.instrumentation(List.of(new LazyDataLoaders.KeepLazy()));
    }

    @Bean
    GraphQlSourceBuilderCustomizer cacheParsedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new DocumentCache(DOCUMENT_CACHE_SIZE)));
    }

    @Bean
    GraphQlSourceBuilderCustomizer inspectSchemaMappings(SchemaMappingReport report, List<EntityType> entityTypes,
            List<GraphQlTypeMapping> typeMappings) {
        return builder -> builder.inspectSchemaMappings(initializer -> {
            entityTypes.forEach(type -> initializer.classMapping(type.label(), type.recordType()));
            typeMappings.forEach(mapping -> initializer.classMapping(mapping.typeName(), mapping.javaType()));
        }, schemaReport -> {
            report.set(schemaReport);
            if (!schemaReport.unmappedFields().isEmpty()) {
                log.warn("{}", schemaReport);
            }
        });
    }
}
