package io.pactbroker.broker.common.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL used when no database is configured. Its data lives in a folder so it survives restarts;
 * the datasource is pointed at it through system properties before Quarkus reads its configuration.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** Settings that, when present, mean a database server is configured and nothing is embedded. */
    static final List<String> DATABASE_SETTINGS = List.of(
            "PACT_BROKER_DATABASE_URL",
            "PACT_BROKER_DATABASE_HOST",
            "PACT_BROKER_DATABASE_NAME",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "quarkus.datasource.jdbc.url");

    static final String DATA_DIR = "PACT_BROKER_DATA_DIR";
    static final String DEFAULT_DATA_DIR = "pact-broker-data";
    static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the embedded database unless one of {@link #DATABASE_SETTINGS} is set in the environment or the system
     * properties. Returns a handle that stops it; the handle does nothing when no database was started.
     */
    public static EmbeddedDatabase startIfNeeded(Map<String, String> env, Properties systemProperties) {
        boolean configured = DATABASE_SETTINGS.stream()
                .anyMatch(key -> notBlank(env.get(key)) || notBlank(systemProperties.getProperty(key)));
        if (configured) {
            return new EmbeddedDatabase(null);
        }
        String dir = firstNonBlank(
                systemProperties.getProperty("pact.broker.data-dir"), env.get(DATA_DIR), DEFAULT_DATA_DIR);
        Path dataDir = Path.of(dir).toAbsolutePath().normalize();
        EmbeddedPostgres postgres = start(dataDir);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        systemProperties.setProperty("quarkus.datasource.jdbc.url", url);
        systemProperties.setProperty("quarkus.datasource.username", "postgres");
        systemProperties.setProperty("quarkus.datasource.password", "postgres");
        LOG.infof("No database configured: using the embedded PostgreSQL with its data in %s", dataDir);
        return new EmbeddedDatabase(postgres);
    }

    /**
     * Starts PostgreSQL on a free port with its data in {@code dataDir}, creating the cluster on first use. A
     * PostgreSQL left running by a broker that was killed (its server outlives it) is stopped first, and a lock file
     * left by a server that no longer runs is removed, so a crash never stops the next start.
     */
    public static EmbeddedPostgres start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            if (inUseByAnotherProcess(dataDir)) {
                throw new IllegalStateException("The embedded PostgreSQL data folder " + dataDir
                        + " is used by another running broker. Stop it, or set " + DATA_DIR
                        + " to another folder or PACT_BROKER_DATABASE_URL to a server.");
            }
            OrphanedServer.stopIfAny(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDir
                            + ": is another broker using this folder? Set " + DATA_DIR
                            + " to another folder or PACT_BROKER_DATABASE_URL to a server.",
                    e);
        }
    }

    /**
     * Whether a live process holds the folder's {@code epg-lock}, the lock every embedded PostgreSQL holds while its
     * process lives. The operating system releases it when the process dies, however it dies. The file is not created
     * here: a new folder must stay empty for {@code initdb}.
     */
    static boolean inUseByAnotherProcess(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (notBlank(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
