package org.partnershipgraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j server running inside the service's JVM, reachable only over Bolt on 127.0.0.1 and
 * only with its password. Usage reporting, fleet discovery and the HTTP connectors are off, so
 * it never reaches beyond the loopback interface.
 */
public class EmbeddedNeo4jServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);

    /**
     * Settings without a public typed constant, by their documented names: none of them may
     * be left at a default that talks to the network.
     */
    static final Map<String, String> NAMED_SETTINGS = Map.of(
            "dbms.usage_report.enabled", "false",
            "server.fleet_discovery.enabled", "false",
            "dbms.fleet_manager.enabled", "false",
            "db.tx_log.preallocate", "false");

    /** The user Bolt clients sign in as. */
    public static final String USER = "neo4j";

    /** The file in the data directory that says Neo4j's default password is gone. */
    static final String PASSWORD_SET = "partnership-graph-password-set";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final Path home;
    private final String password;

    private EmbeddedNeo4jServer(DatabaseManagementService dbms, URI boltUri, Path home, String password) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.home = home;
        this.password = password;
    }

    /**
     * The data directory readable, writable and searchable by its owner alone, where the file
     * system has POSIX permissions: the store holds the history and personal details the API shows
     * only to some roles, and under the usual umask any user of the machine could read its files.
     */
    private static void ownerOnly(Path home) throws IOException {
        if (!Files.getFileStore(home).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        } catch (FileSystemException ex) {
            log.warn("Cannot make the embedded Neo4j data directory {} its owner's alone ({}): another user of the "
                    + "machine may read the store's files; give the service's user a directory of its own", home, ex.toString());
        }
    }

    /** Starts the server with {@code props}; a data directory already in use fails with a clear message. */
    public static EmbeddedNeo4jServer start(EmbeddedNeo4jProperties props) {
        Path home = props.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
            ownerOnly(home);
            Path conf = writeNamedSettings(home);
            retireDefaultPassword(home, conf, props);
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                    .loadPropertiesFromFile(conf)
                    .setConfig(typedSettings(props, true))
                    .build();
            String password;
            try {
                password = signInOnly(dbms, props.password());
            } catch (RuntimeException ex) {
                dbms.shutdown();
                throw ex;
            }
            URI uri = boltUri(dbms);
            log.info("Embedded Neo4j started: data in {}, Bolt at {} (user {}, password {})", home, uri, USER,
                    props.password().isEmpty() ? "new for this start" : "configured");
            return new EmbeddedNeo4jServer(dbms, uri, home, password);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare the embedded Neo4j data directory " + home, ex);
        } catch (RuntimeException ex) {
            if (isLockFailure(ex)) {
                throw new EmbeddedNeo4jStartupException(home);
            }
            throw ex;
        }
    }

    /** The Bolt URI the driver connects to. */
    public URI boltUri() {
        return boltUri;
    }

    /** The credentials Bolt clients sign in with: {@link #USER} and {@link #password()}. */
    public AuthToken authToken() {
        return AuthTokens.basic(USER, password);
    }

    /**
     * The password of {@link #USER}, for another process started over this server
     * ({@code spring.neo4j.authentication.password}); never logged.
     */
    public String password() {
        return password;
    }

    /** The data directory. */
    public Path home() {
        return home;
    }

    /** The underlying management service, for operations the driver cannot do. */
    public DatabaseManagementService managementService() {
        return dbms;
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j ({})", home);
        dbms.shutdown();
        log.info("Embedded Neo4j stopped cleanly ({})", home);
    }

    /**
     * On a data directory whose {@link #USER} may still have Neo4j's default password ("neo4j",
     * on a new directory or one written before Bolt asked for a password), starts Neo4j once
     * without Bolt to replace it, so Bolt never listens while the default would let a local
     * process in; then notes that in {@link #PASSWORD_SET}.
     */
    private static void retireDefaultPassword(Path home, Path conf, EmbeddedNeo4jProperties props) throws IOException {
        Path marker = home.resolve(PASSWORD_SET);
        if (Files.exists(marker)) {
            return;
        }
        DatabaseManagementService closed = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(typedSettings(props, false))
                .build();
        try {
            setPassword(closed, randomPassword());
        } finally {
            closed.shutdown();
        }
        Files.writeString(marker, "Neo4j's default password was replaced before Bolt first listened on this directory.\n",
                StandardCharsets.UTF_8);
    }

    private static Map<Setting<?>, Object> typedSettings(EmbeddedNeo4jProperties props, boolean bolt) {
        Map<Setting<?>, Object> settings = new LinkedHashMap<>();
        settings.put(BoltConnector.enabled, bolt);
        settings.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", props.boltPort()));
        settings.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", props.boltPort()));
        settings.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        settings.put(BoltConnector.enable_discovery, false);
        settings.put(BoltConnector.server_bolt_telemetry_enabled, false);
        settings.put(HttpConnector.enabled, false);
        settings.put(HttpsConnector.enabled, false);
        settings.put(GraphDatabaseSettings.auth_enabled, true);
        settings.put(GraphDatabaseSettings.pagecache_memory, props.pageCache().toBytes());
        settings.put(GraphDatabaseSettings.memory_transaction_max_size, props.transactionMaxSize().toBytes());
        settings.put(GraphDatabaseSettings.memory_transaction_global_max_size, props.transactionTotalMax().toBytes());
        settings.put(GraphDatabaseSettings.transaction_timeout, props.transactionTimeout());
        settings.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        settings.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5));
        settings.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200));
        settings.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200));
        return settings;
    }

    private static Path writeNamedSettings(Path home) throws IOException {
        StringBuilder conf = new StringBuilder("# Written by partnership-graph at every start; edits are overwritten.\n");
        NAMED_SETTINGS.forEach((name, value) -> conf.append(name).append('=').append(value).append('\n'));
        Path file = home.resolve("partnership-graph-neo4j.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Gives {@link #USER} the {@code configured} password, or a new random one when it is empty,
     * through the embedded API (which needs none), so that a process on this machine that does
     * not know it cannot reach the data over Bolt; returns it. Neo4j refuses a password equal to
     * the current one, so a configured password is set after a random one.
     */
    private static String signInOnly(DatabaseManagementService dbms, String configured) {
        String password = randomPassword();
        setPassword(dbms, password);
        if (!configured.isEmpty()) {
            setPassword(dbms, configured);
            return configured;
        }
        return password;
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                EmbeddedCypher.SET_PASSWORD, Map.of("password", password));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static URI boltUri(DatabaseManagementService dbms) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        HostnamePort address = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        return URI.create("bolt://127.0.0.1:" + address.getPort());
    }

    private static boolean isLockFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof FileLockException) {
                return true;
            }
        }
        return false;
    }
}
