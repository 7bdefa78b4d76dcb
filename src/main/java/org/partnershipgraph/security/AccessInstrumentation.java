package org.partnershipgraph.security;

import java.util.HashMap;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldsContainer;

/**
 * Enforces {@link FieldAccessPolicy} on every field: a field the caller's role may not read
 * fails with {@link FieldAccessDeniedException} instead of running its data fetcher. Only the
 * restricted fields are kept, by type then field, so a public field costs one map lookup.
 */
class AccessInstrumentation extends SimplePerformantInstrumentation {

    private final Map<String, Map<String, Access>> restricted;

    AccessInstrumentation(FieldAccessPolicy policy) {
        Map<String, Map<String, Access>> byType = new HashMap<>();
        policy.rules().forEach((coordinates, access) -> {
            if (access != Access.PUBLIC) {
                int dot = coordinates.indexOf('.');
                byType.computeIfAbsent(coordinates.substring(0, dot), t -> new HashMap<>())
                        .put(coordinates.substring(dot + 1), access);
            }
        });
        byType.replaceAll((type, fields) -> Map.copyOf(fields));
        this.restricted = Map.copyOf(byType);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(parameters.getExecutionStepInfo().getObjectType() instanceof GraphQLFieldsContainer type)) {
            return dataFetcher;
        }
        Map<String, Access> fields = restricted.get(type.getName());
        if (fields == null) {
            return dataFetcher;
        }
        String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
        Access access = fields.get(field);
        if (access == null) {
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
