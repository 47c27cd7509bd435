package io.pactbroker.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PactFileNameTest {

    @Test
    void shouldJoinConsumerAndProvider() {
        assertThat(PactFileName.of("web", "orders")).isEqualTo("web-orders.json");
    }

    @Test
    void shouldReplaceCharactersThatAreUnsafeInFileNames() {
        assertThat(PactFileName.of("a/b", "c:d")).isEqualTo("a_b-c_d.json");
    }

    @Test
    void shouldRefuseBlankNames() {
        assertThatThrownBy(() -> PactFileName.of(" ", "orders")).hasMessageContaining("blank");
    }
}
