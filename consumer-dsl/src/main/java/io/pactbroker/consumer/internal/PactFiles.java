package io.pactbroker.consumer.internal;

import io.pactbroker.consumer.PactFileName;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.core.model.PactReader;
import io.pactbroker.core.model.PactWriter;
import io.pactbroker.core.model.ProviderState;
import io.pactbroker.core.model.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes pact files so that one test run owns them: the first write of a run replaces what an earlier run left, later
 * writes of the same run (other test classes, in this JVM or in other forked JVMs of the same build) merge their
 * interactions in. Writers are serialised by a lock per file within the JVM and by a file lock ({@code
 * .<file>.lock}, which also records the run that owns the pact file) across JVMs. Interactions are sorted, so the
 * file does not depend on the order tests ran in.
 */
public final class PactFiles {

    /** File locks are held per JVM, so threads of one JVM need their own lock per file first. */
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private PactFiles() {}

    /** The outcome of a write: the file and the warnings of writing below V4. */
    public record Written(Path file, List<String> warnings) {}

    /**
     * Writes (or merges) the interactions into the pact file of their consumer and provider.
     *
     * @param directory the pact directory
     * @param pact the pact with this writer's interactions
     * @param specification the version to write
     * @param runId the identity of the test run
     */
    public static Written write(Path directory, Pact pact, PactSpecification specification, String runId) {
        try {
            Files.createDirectories(directory);
            Path file = directory
                    .resolve(PactFileName.of(pact.consumer(), pact.provider()))
                    .toAbsolutePath();
            Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
            ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
            lock.lock();
            try (FileChannel channel = FileChannel.open(
                            lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                String owner = readOwner(channel);
                List<Interaction> interactions = new ArrayList<>();
                if (owner.equals(runId) && Files.exists(file)) {
                    interactions.addAll(existing(file));
                }
                interactions = merge(interactions, pact.interactions());
                WriteResult result = PactWriter.write(pact.withInteractions(interactions), specification);
                replace(file, result.json());
                writeOwner(channel, runId);
                return new Written(file, result.warnings());
            } finally {
                lock.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pact file in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<Interaction> existing(Path file) throws IOException {
        try {
            return PactReader.read(file).interactions();
        } catch (PactReadException e) {
            // A damaged file from an interrupted run: this run's interactions replace it.
            return List.of();
        }
    }

    /** Later interactions replace earlier ones of the same type, description and provider states; then sorted. */
    static List<Interaction> merge(List<Interaction> earlier, List<Interaction> later) {
        Map<String, Interaction> byKey = new LinkedHashMap<>();
        earlier.forEach(i -> byKey.put(key(i), i));
        later.forEach(i -> byKey.put(key(i), i));
        List<Interaction> merged = new ArrayList<>(byKey.values());
        merged.sort(Comparator.comparing(PactFiles::key));
        return merged;
    }

    private static String key(Interaction interaction) {
        StringBuilder key = new StringBuilder(interaction.description()).append('\u0000');
        for (ProviderState state : interaction.providerStates()) {
            key.append(state.name()).append('\u0001');
            state.params()
                    .forEach((k, v) ->
                            key.append(k).append('=').append(Json.compact(v)).append('\u0001'));
        }
        return key.append('\u0000').append(interaction.type()).toString();
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    }

    private static void writeOwner(FileChannel channel, String runId) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((runId + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static void replace(Path file, String json) throws IOException {
        // Unique per JVM and thread, and the file lock is held: no need for createTempFile's SecureRandom.
        Path temp = file.resolveSibling("." + file.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
