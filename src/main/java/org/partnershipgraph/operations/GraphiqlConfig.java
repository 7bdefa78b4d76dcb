package org.partnershipgraph.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}, with its scripts and styles served by the service itself
 * (NHS and council networks often block CDNs), when {@code partnership.graphiql.enabled} is true;
 * it needs introspection on too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("partnership.graphiql.enabled")
public class GraphiqlConfig implements WebMvcConfigurer {

    /**
     * Refuses to start GraphiQL without introspection, which it reads the schema through: the page
     * would load with no documentation and no completion, and every query would show only errors.
     */
    GraphiqlConfig(@Value("${spring.graphql.schema.introspection.enabled:true}") boolean introspection) {
        if (!introspection) {
            throw new IllegalStateException("partnership.graphiql.enabled (GRAPHIQL_ENABLED) is true, but "
                    + "spring.graphql.schema.introspection.enabled (INTROSPECTION_ENABLED) is false: GraphiQL reads the "
                    + "schema through introspection. Turn both on, or GraphiQL off.");
        }
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/graphiql", "/graphiql/");
        registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/graphiql/*.html").addResourceLocations("classpath:/graphiql-assets/");
        registry.addResourceHandler("/graphiql/assets/**").addResourceLocations("classpath:/graphiql-assets/");
    }
}
