package io.pactbroker.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void shouldUseThePactCliExitCodes() {
        assertThat(ExitCode.SUCCESS.code()).isZero();
        assertThat(ExitCode.FAILURE.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
        assertThat(ExitCode.BROKER_UNREACHABLE.code()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheWorstOutcome() {
        assertThat(ExitCode.SUCCESS.worst(ExitCode.FAILURE)).isEqualTo(ExitCode.FAILURE);
        assertThat(ExitCode.USAGE.worst(ExitCode.FAILURE)).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.FAILURE.worst(ExitCode.BROKER_UNREACHABLE)).isEqualTo(ExitCode.BROKER_UNREACHABLE);
    }
}
