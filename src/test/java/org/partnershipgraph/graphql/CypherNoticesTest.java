package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Notification;
import org.neo4j.driver.summary.Plan;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every Cypher statement of the service plans without a notice from Neo4j: no deprecation, no
 * performance hint (a cartesian product of two lookups by id, say). Spring Data Neo4j logs each
 * notice with the whole statement every time the statement runs, and a deprecation is the first
 * sign of a statement the next Neo4j will refuse. Each statement is {@code EXPLAIN}ed (planned,
 * not run) on the seeded database; the statements are the {@code String} constants of every
 * {@code *Cypher} class of the service, but for the fragments that continue a statement
 * ({@code WITH *} ..., or {@code AND} ... ending a {@code WHERE}), which are checked within the statements built from them, and the
 * embedded server's administration commands ({@code EmbeddedCypher}), which run on the system
 * database and are not planned there.
 */
class CypherNoticesTest extends GraphQlTestBase {

    /** The notice that EXPLAIN without parameters always gets. */
    private static final String PARAMETERS_NOT_GIVEN = "Neo.ClientNotification.Statement.ParameterNotProvided";

    /** One constant: where it is declared, and its Cypher. */
    record Statement(String name, String cypher) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Statement> statements() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("org\\.partnershipgraph\\.[a-z]+\\.[A-Za-z]*Cypher")));
        List<Statement> statements = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.partnershipgraph")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), CypherNoticesTest.class.getClassLoader());
            if (type.getSimpleName().endsWith("BenchCypher") || type.getSimpleName().equals("EmbeddedCypher")) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String cypher = (String) field.get(null);
                    if (!cypher.startsWith("WITH *") && !cypher.strip().startsWith("AND ")) {
                        statements.add(new Statement(type.getSimpleName() + "." + field.getName(), cypher));
                    }
                }
            }
        }
        return statements.stream();
    }

    @Test
    void everyCypherClassIsFound() throws Exception {
        assertThat(statements().map(s -> s.name().substring(0, s.name().indexOf('.'))).distinct())
                .contains("AccountabilityCypher", "ActionCypher", "DependencyCypher", "AuditCypher", "HistoryCypher",
                        "BoardCypher", "GraphQlSchemaCypher", "NodeCypher", "OrganisationCypher", "ProgressCypher",
                        "SeedCypher", "StrategyCypher");
    }

    /**
     * A walk along dependencies keeps the actions it reaches, not its paths: each is planned as a
     * pruning expansion, which visits an action once, where a path search would list every path
     * (a ladder of 14 three-way forks has 4.8 million).
     */
    @Test
    void dependencyWalksArePlannedAsPruningExpansions() throws Exception {
        List<Statement> walks = statements().filter(s -> s.cypher().contains("DEPENDS_ON*0..")).toList();
        assertThat(walks).extracting(Statement::name).contains("DependencyCypher.BLOCKED_BY", "ProgressCypher.ROLL_UP");
        for (Statement walk : walks) {
            List<String> expansions = new ArrayList<>();
            collect(driver.executableQuery("EXPLAIN " + walk.cypher()).execute().summary().plan(), expansions);
            assertThat(expansions).as(walk.name()).isNotEmpty().allMatch(e -> e.startsWith("VarLengthExpand(Pruning"));
        }
    }

    private static void collect(Plan plan, List<String> into) {
        Value details = plan.arguments().get("Details");
        if (details != null && details.asString().contains("DEPENDS_ON*")) {
            into.add(plan.operatorType() + " " + details.asString());
        }
        plan.children().forEach(child -> collect(child, into));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void plansWithoutANotice(Statement statement) {
        List<Notification> notices = driver.executableQuery("EXPLAIN " + statement.cypher()).execute().summary().notifications()
                .stream().filter(n -> !n.code().equals(PARAMETERS_NOT_GIVEN)).toList();
        assertThat(notices).as("%s:%n%s", statement.name(), statement.cypher()).isEmpty();
    }
}
