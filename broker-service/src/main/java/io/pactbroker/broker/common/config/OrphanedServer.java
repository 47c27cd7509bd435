package io.pactbroker.broker.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server found in the embedded data folder when no broker holds it. The embedded server is a process of
 * its own: when the broker is killed ({@code kill -9}, an out-of-memory kill, a container stop without grace) the
 * server keeps running and keeps its {@code postmaster.pid}, and the next start would fail with "lock file already
 * exists". Called only after the folder's lock proved that no live broker uses it.
 */
final class OrphanedServer {

    private static final Logger LOG = Logger.getLogger(OrphanedServer.class);
    static final String PID_FILE = "postmaster.pid";
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    private OrphanedServer() {}

    /**
     * Stops the server named by the folder's {@code postmaster.pid} when it is a PostgreSQL of this folder, or removes
     * the file when its process is gone or is something else.
     */
    static void stopIfAny(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = pid(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgresOf(process.get(), lines, dataDir)) {
            stop(process.get(), dataDir);
        }
        if (Files.deleteIfExists(pidFile)) {
            LOG.infof("Removed the lock file %s of a PostgreSQL that no longer runs", pidFile);
        }
    }

    private static Optional<Long> pid(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The second line of {@code postmaster.pid} is the server's data directory; the process must be a postgres. */
    private static boolean isPostgresOf(ProcessHandle process, List<String> lines, Path dataDir) throws IOException {
        boolean postgres =
                process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
        boolean sameFolder = lines.size() > 1
                && Files.exists(Path.of(lines.get(1).trim()))
                && Files.isSameFile(Path.of(lines.get(1).trim()), dataDir);
        return postgres && sameFolder;
    }

    /**
     * SIGTERM asks PostgreSQL for a smart shutdown, which ends once its clients are gone (they died with the broker);
     * a server that does not stop in time is killed, and recovers from its write-ahead log on the next start.
     */
    private static void stop(ProcessHandle process, Path dataDir) {
        LOG.warnf(
                "The embedded PostgreSQL of %s (pid %d) was left running by a broker that did not stop cleanly:"
                        + " stopping it before starting again",
                dataDir, process.pid());
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("PostgreSQL (pid %d) did not stop within %s: killing it", process.pid(), SHUTDOWN);
            process.destroyForcibly();
            waitFor(process, Instant.now().plus(SHUTDOWN));
        }
    }

    private static void waitFor(ProcessHandle process, Instant deadline) {
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
