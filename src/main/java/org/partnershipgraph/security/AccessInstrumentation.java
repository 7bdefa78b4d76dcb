package org.partnershipgraph.security;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldsContainer;

/**
 * Enforces {@link FieldAccessPolicy} on every field: a field the caller's role may not read
 * fails with {@link FieldAccessDeniedException} instead of running its data fetcher.
 */
class AccessInstrumentation extends SimplePerformantInstrumentation {

    private final FieldAccessPolicy policy;

    AccessInstrumentation(FieldAccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(parameters.getExecutionStepInfo().getObjectType() instanceof GraphQLFieldsContainer type)) {
            return dataFetcher;
        }
        String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
        Access access = policy.rule(type.getName(), field);
        if (access == null || access == Access.PUBLIC) {
            return dataFetcher;
        }
        return env -> {
            CurrentUser user = env.getGraphQlContext().getOrDefault(CurrentUser.class, CurrentUser.ANONYMOUS);
            if (!access.allows(user.role())) {
                throw new FieldAccessDeniedException(type.getName() + "." + field, access, user);
            }
            return dataFetcher.get(env);
        };
    }
}
