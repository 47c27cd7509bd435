package io.pactbroker.broker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutionLogTest {

    @Test
    void shouldWriteLinesInThePactBrokersFormat() {
        ExecutionLog log = new ExecutionLog();
        log.info("HTTP/1.1 POST https://ci");
        log.debug("Webhook context {}");

        assertThat(log.toString())
                .matches("\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ] INFO: HTTP/1\\.1 POST https://ci\\n"
                        + "\\[[^]]+] DEBUG: Webhook context \\{}\\n");
    }

    @Test
    void shouldReplaceSecretsWhereverTheyAppear() {
        ExecutionLog log = new ExecutionLog();
        log.secret("abc");
        log.secret("abcdef");
        log.secret(" ");
        log.info("token abcdef and abc, and a space");

        assertThat(log.toString()).endsWith("INFO: token ******** and ********, and a space\n");
    }

    @Test
    void shouldCapTheSizeOfTheLog() {
        ExecutionLog log = new ExecutionLog();
        log.info("x".repeat(ExecutionLog.MAX_CHARS * 2));

        assertThat(log.toString()).hasSizeLessThan(ExecutionLog.MAX_CHARS + 100).contains("more characters not kept");
    }
}
