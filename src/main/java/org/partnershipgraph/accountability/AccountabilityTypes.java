package org.partnershipgraph.accountability;

import org.partnershipgraph.graphql.GraphQlTypeMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Schema-inspection hints of the accountability feature. */
@Configuration(proxyBeanMethods = false)
public class AccountabilityTypes {

    @Bean
    GraphQlTypeMapping accountabilityLinkType() {
        return new GraphQlTypeMapping("AccountabilityLink", AccountabilityLink.class);
    }
}
