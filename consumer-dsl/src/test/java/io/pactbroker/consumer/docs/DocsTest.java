package io.pactbroker.consumer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The quickstart in docs/consumer-dsl.md is this package's OrdersClientTest, which compiles and passes here. */
class DocsTest {

    @Test
    void shouldShowTheQuickstartThatThisBuildCompilesAndRuns() throws IOException {
        String doc = Files.readString(Path.of("../docs/consumer-dsl.md"));
        int start = doc.indexOf("```java", doc.indexOf("## Quickstart")) + "```java".length();
        String shown = doc.substring(start, doc.indexOf("```", start)).strip();

        String source = Files.readString(Path.of("src/test/java/io/pactbroker/consumer/docs/OrdersClientTest.java"));
        String compiled = source.substring(source.indexOf('\n') + 1).strip();

        assertThat(shown).isEqualTo(compiled);
    }
}
