package io.pactbroker.broker.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    @Test
    void shouldRecogniseConstraintViolationsAnywhereInTheCauseChain() {
        var unique = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(ProblemMapper.isIntegrityViolation(new RuntimeException(new IllegalStateException(unique))))
                .isTrue();
        assertThat(ProblemMapper.isIntegrityViolation(new SQLException("connection refused", "08001")))
                .isFalse();
        assertThat(ProblemMapper.isIntegrityViolation(new IllegalStateException("no sql here")))
                .isFalse();
    }
}
