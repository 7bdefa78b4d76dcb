package org.partnershipgraph.operations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}, with its scripts and styles served by the service itself
 * (NHS and council networks often block CDNs), when {@code partnership.graphiql.enabled} is true.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("partnership.graphiql.enabled")
public class GraphiqlConfig implements WebMvcConfigurer {

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
