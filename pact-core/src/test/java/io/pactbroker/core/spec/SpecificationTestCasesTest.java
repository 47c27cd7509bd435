package io.pactbroker.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.MatchResult;
import io.pactbroker.core.matching.Matching;
import io.pactbroker.core.model.PactReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the official Pact specification test suite (V1 to V4; requests, responses and messages): our
 * verdict must equal the case's {@code match}.
 *
 * <p>The suite is found in {@code ../shared/pact-spec-testcases} next to the repository (or where the system property
 * {@value #PROPERTY} points). Without it the tests are skipped, not passed.
 */
class SpecificationTestCasesTest {

    static final String PROPERTY = "pact.spec.testcases";

    private static final List<String> VERSIONS = List.of("1", "1.1", "2", "3", "4");
    private static final List<String> CATEGORIES = List.of("request", "response", "message");

    /** Cases run and passed, by version and category, for the conformance table printed at the end. */
    private static final Map<String, int[]> TALLY = new ConcurrentSkipListMap<>();

    @AfterAll
    static void printConformanceTable() {
        if (TALLY.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder("\nSpecification conformance (passed / cases)\n");
        table.append("| version | request | response | message | total |\n|---|---|---|---|---|\n");
        int[] all = new int[2];
        for (String version : VERSIONS) {
            int[] row = new int[2];
            table.append("| V").append(version);
            for (String category : CATEGORIES) {
                int[] cell = TALLY.get(version + " " + category);
                if (cell == null) {
                    table.append(" | -");
                } else {
                    table.append(" | ").append(cell[0]).append(" / ").append(cell[1]);
                    row[0] += cell[0];
                    row[1] += cell[1];
                }
            }
            table.append(" | ").append(row[0]).append(" / ").append(row[1]).append(" |\n");
            all[0] += row[0];
            all[1] += row[1];
        }
        table.append("| all | | | | ")
                .append(all[0])
                .append(" / ")
                .append(all[1])
                .append(" |\n");
        System.out.println(table);
    }

    @TestFactory
    Stream<DynamicNode> everySpecificationCaseGivesTheExpectedVerdict() {
        Optional<Path> root = testCases();
        if (root.isEmpty()) {
            // One skipped test, so that the run reports the suite as skipped rather than passed.
            return Stream.of(DynamicTest.dynamicTest(
                    "specification test cases",
                    () -> Assumptions.abort(
                            "The specification test cases are not at ../shared/pact-spec-testcases (set -D" + PROPERTY
                                    + " to point at a copy)")));
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (String version : VERSIONS) {
            for (String category : CATEGORIES) {
                Path folder = root.get().resolve(version).resolve("testcases").resolve(category);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                List<DynamicTest> tests = cases(folder).stream()
                        .map(file -> DynamicTest.dynamicTest(
                                folder.relativize(file).toString().replace(".json", ""),
                                () -> check(version, category, file)))
                        .toList();
                containers.add(DynamicContainer.dynamicContainer("V" + version + " " + category, tests));
            }
        }
        return containers.stream();
    }

    private static List<Path> cases(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(String version, String category, Path file) throws IOException {
        int[] cell = TALLY.computeIfAbsent(version + " " + category, k -> new int[2]);
        synchronized (cell) {
            cell[1]++;
        }
        verify(version, category, file);
        synchronized (cell) {
            cell[0]++;
        }
    }

    private static void verify(String version, String category, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode testCase = Json.parse(text);
        boolean expectedVerdict = testCase.path("match").asBoolean();
        PactSpecification spec = PactSpecification.parse(version).orElseThrow();
        MatchResult result = verdict(category, spec, testCase.get("expected"), testCase.get("actual"));
        assertEquals(
                expectedVerdict,
                result.matched(),
                () -> "\nfile:     " + file
                        + "\ncomment:  " + testCase.path("comment").asText()
                        + "\nexpected: " + (expectedVerdict ? "a match" : "a mismatch")
                        + "\nwe found: "
                        + (result.matched()
                                ? "no mismatches"
                                : "\n  " + result.render().replace("\n", "\n  ")));
    }

    static MatchResult verdict(String category, PactSpecification spec, JsonNode expected, JsonNode actual) {
        return switch (category) {
            case "request" ->
                Matching.matchRequest(
                        PactReader.readRequest(expected, spec), PactReader.readRequest(actual, spec), spec);
            case "response" ->
                Matching.matchResponse(PactReader.readResponse(expected, spec), PactReader.readResponse(actual, spec));
            default ->
                Matching.matchMessage(PactReader.readMessage(expected, spec), PactReader.readMessage(actual, spec));
        };
    }

    /** The test cases: the system property, else {@code ../shared/pact-spec-testcases} beside the repository root. */
    static Optional<Path> testCases() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                Path candidate = dir.resolve("../shared/pact-spec-testcases").normalize();
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
