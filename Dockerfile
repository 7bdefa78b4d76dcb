# Multi-stage build of the partnership-graph service: build with Maven on a JDK 21,
# run on a JRE 21 as a non-root user.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY schema schema
COPY seed-data seed-data
COPY vendor vendor
COPY src src
RUN mvn -B -ntp -Dmaven.test.skip=true package && cp target/partnership-graph-*.jar /src/app.jar

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app app \
    && mkdir -p /app/data && chown app:app /app/data
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
# A numeric user, so that Kubernetes' runAsNonRoot can verify it; give a volume at /app/data
# fsGroup 10001 (or chown it to 10001).
USER 10001:10001
# The embedded Neo4j's data (partnership.neo4j.embedded.data-directory, data/neo4j under /app) when
# NEO4J_URI is not set: mount a volume here, or it goes with the container.
VOLUME /app/data
EXPOSE 8080
# Liveness, not readiness: readiness includes Neo4j, and an orchestrator that replaces unhealthy
# containers would replace every instance while Neo4j is away (the service recovers by itself when
# it returns). Point load balancers at /actuator/health/readiness.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
    CMD curl -fsS "http://localhost:${PORT:-8080}/actuator/health/liveness" || exit 1
# The same JVM settings as service.jvm.args in pom.xml (mvn spring-boot:run); keep the two alike.
# Replace them with -e JAVA_OPTS=... They are passed on the command line, not in
# JAVA_TOOL_OPTIONS, which the JVM announces on stderr at every start (a line that is not JSON
# among ECS logs) and which every jcmd in the container would take too; exec keeps java as
# process 1, so it receives the stop signal.
ENV JAVA_OPTS="-Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=128m -XX:+UseTransparentHugePages -Xss512k --enable-native-access=ALL-UNNAMED"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
