package io.pactbroker.broker.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL's folder across crashes: a killed broker must not stop the next one from starting. */
class EmbeddedDatabaseTest {

    private Path dataDir;
    private final List<Process> brokers = new ArrayList<>();

    @BeforeEach
    void createFolder() throws IOException {
        dataDir = Files.createTempDirectory("pact-broker-embedded");
    }

    @AfterEach
    void removeFolder() throws IOException {
        brokers.forEach(Process::destroyForcibly);
        postmaster().ifPresent(server -> {
            server.destroy();
            server.onExit().join();
        });
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void shouldStartAgainWithTheDataAfterTheBrokerWasKilled() throws Exception {
        Process broker = startBroker("before the crash");
        broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ProcessHandle orphan = postmaster().orElseThrow();
        assertThat(orphan.isAlive()).as("the server outlives the killed broker").isTrue();

        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDir)) {

            assertThat(survivors(postgres)).containsExactly("before the crash");
            assertThat(orphan.isAlive()).isFalse();
        }
    }

    @Test
    void shouldRefuseTheFolderWhileAnotherBrokerUsesIt() throws Exception {
        startBroker("the running one");
        ProcessHandle server = postmaster().orElseThrow();

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is used by another running broker")
                .hasMessageContaining("PACT_BROKER_DATA_DIR");
        assertThat(server.isAlive())
                .as("the running broker's server is left alone")
                .isTrue();
    }

    @Test
    void shouldRemoveALockFileWhoseProcessIsNotItsServer() throws Exception {
        // a server died without removing its lock file, and its process id now belongs to another process (this one)
        Path pidFile = dataDir.resolve(OrphanedServer.PID_FILE);
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir + "\n1700000000\n5432\n");

        OrphanedServer.stopIfAny(dataDir);

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void shouldStartOnAFolderWhoseServerDiedWithoutCleaningUp() throws Exception {
        EmbeddedDatabase.start(dataDir).close();
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .start();
        gone.waitFor(30, TimeUnit.SECONDS);
        Files.writeString(
                dataDir.resolve(OrphanedServer.PID_FILE), gone.pid() + "\n" + dataDir + "\n1700000000\n5432\n");

        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDir)) {

            assertThat(postgres.getPort()).isPositive();
        }
    }

    private Process startBroker(String row) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process broker = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledBroker.class.getName(),
                        dataDir.toString(),
                        row)
                .redirectErrorStream(true)
                .start();
        brokers.add(broker);
        BufferedReader output =
                new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("READY")) {
                return broker;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("The broker process ended before it was ready:\n" + seen);
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve(OrphanedServer.PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("postgres"));
    }

    private static List<String> survivors(EmbeddedPostgres postgres) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM survivors")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
