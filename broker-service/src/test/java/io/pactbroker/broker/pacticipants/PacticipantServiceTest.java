package io.pactbroker.broker.pacticipants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacticipantServiceTest {

    @Test
    void shouldMakeReadableDisplayNamesFromNames() {
        assertThat(PacticipantService.displayNameFor("order-service")).isEqualTo("Order Service");
        assertThat(PacticipantService.displayNameFor("order_service")).isEqualTo("Order Service");
        assertThat(PacticipantService.displayNameFor("OrderService")).isEqualTo("Order Service");
        assertThat(PacticipantService.displayNameFor("Foo")).isEqualTo("Foo");
    }

    @Test
    void shouldSpotControlCharacters() {
        assertThat(PacticipantService.hasControlCharacter("a\u0000b")).isTrue();
        assertThat(PacticipantService.hasControlCharacter("a\u007fb")).isTrue();
        assertThat(PacticipantService.hasControlCharacter("Zürich / main")).isFalse();
    }
}
