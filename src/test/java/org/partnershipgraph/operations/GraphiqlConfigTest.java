package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * GraphiQL is served only with introspection on (it reads the schema through it): turned on alone,
 * the service refuses to start, naming both settings.
 */
class GraphiqlConfigTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(GraphiqlConfig.class);

    @Test
    void graphiqlWithoutIntrospectionStopsTheStart() {
        runner.withPropertyValues("partnership.graphiql.enabled=true", "spring.graphql.schema.introspection.enabled=false")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("GRAPHIQL_ENABLED").hasMessageContaining("INTROSPECTION_ENABLED"));
    }

    @Test
    void graphiqlWithIntrospectionOrNeitherStarts() {
        runner.withPropertyValues("partnership.graphiql.enabled=true", "spring.graphql.schema.introspection.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(GraphiqlConfig.class));
        runner.withPropertyValues("spring.graphql.schema.introspection.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GraphiqlConfig.class));
    }
}
