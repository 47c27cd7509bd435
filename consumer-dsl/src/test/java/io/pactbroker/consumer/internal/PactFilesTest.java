package io.pactbroker.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.consumer.Pacts;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactFilesTest {

    @TempDir
    Path dir;

    private static Pact pact(String... descriptions) {
        var builder = Pacts.between("web", "orders");
        for (String d : descriptions) {
            builder.uponReceiving(d).get("/" + d).willRespondWith(200);
        }
        return builder.toPact();
    }

    @Test
    void shouldMergeWritesOfTheSameRun() throws IOException {
        PactFiles.write(dir, pact("b"), PactSpecification.V4, "run-1");
        PactFiles.Written written = PactFiles.write(dir, pact("a"), PactSpecification.V4, "run-1");

        assertThat(PactReader.read(written.file()).interactions())
                .extracting(Interaction::description)
                .containsExactly("a", "b");
    }

    @Test
    void shouldReplaceWhatAnEarlierRunWrote() throws IOException {
        PactFiles.write(dir, pact("removed since"), PactSpecification.V4, "run-1");
        PactFiles.Written written = PactFiles.write(dir, pact("a"), PactSpecification.V4, "run-2");

        assertThat(PactReader.read(written.file()).interactions())
                .extracting(Interaction::description)
                .containsExactly("a");
    }

    @Test
    void shouldWriteTheSameBytesWhateverTheOrderTestsRanIn() throws IOException {
        List<String> names = new ArrayList<>(List.of("c", "a", "d", "b"));
        PactFiles.write(dir.resolve("one"), pact(names.toArray(String[]::new)), PactSpecification.V4, "r");
        Collections.reverse(names);
        for (String name : names) {
            PactFiles.write(dir.resolve("two"), pact(name), PactSpecification.V4, "r");
        }

        assertThat(Files.readString(dir.resolve("two/web-orders.json")))
                .isEqualTo(Files.readString(dir.resolve("one/web-orders.json")));
    }

    @Test
    void shouldWarnAboutWhatV3CannotHold() {
        Pact pact = Pacts.between("web", "orders")
                .uponReceivingMessage("quote", e -> e.request(m -> m.content(b -> b.string("sku", "A1"))))
                .toPact();

        PactFiles.Written written = PactFiles.write(dir, pact, PactSpecification.V3, "r");

        assertThat(written.warnings())
                .containsExactly(
                        "interaction 'quote': synchronous messages cannot be written as V3 and the interaction was left out");
    }

    @Test
    void shouldKnowTheRunFromTheEnvironmentFirst() {
        assertThat(RunId.current(java.util.Map.of("PACT_RUN_ID", "build-42"))).isEqualTo("env:build-42");
        assertThat(RunId.current(java.util.Map.of())).matches("(maven|jvm):\\d+@.+");
    }
}
