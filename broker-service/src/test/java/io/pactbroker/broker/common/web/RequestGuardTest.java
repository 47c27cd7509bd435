package io.pactbroker.broker.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGuardTest {

    private static int status(String path) {
        return RequestGuard.refusal(path).map(RequestGuard.Refusal::status).orElse(0);
    }

    @Test
    void shouldLetOrdinaryPathsThrough() {
        assertThat(status("/")).isZero();
        assertThat(status("/pacticipants/Pricing%20Service/branches/feature%2Fx"))
                .isZero();
        assertThat(status("/pacticipants/a.b/versions/1.0.0..2")).isZero();
    }

    @Test
    void shouldRefuseControlCharacters() {
        assertThat(status("/pacticipants/a%0D")).isEqualTo(422);
        assertThat(status("/pacticipants/a%7F")).isEqualTo(422);
    }

    @Test
    void shouldRefuseDotSegmentsPlainOrEncoded() {
        assertThat(status("/pacticipants/..")).isEqualTo(400);
        assertThat(status("/pacticipants/.")).isEqualTo(400);
        assertThat(status("/pacticipants/%2e%2E")).isEqualTo(400);
        assertThat(status("/pacticipants/a%2F..%2Fb")).isEqualTo(400);
        assertThat(status("/pacticipants/a%5C..")).isEqualTo(400);
    }

    @Test
    void shouldDecodeUtf8AndKeepMalformedEscapes() {
        assertThat(RequestGuard.decode("Z%C3%BCrich")).isEqualTo("Zürich");
        assertThat(RequestGuard.decode("100%")).isEqualTo("100%");
        assertThat(RequestGuard.decode("%zz")).isEqualTo("%zz");
    }

    @Test
    void shouldTakeThePathFromTheRawUri() {
        assertThat(RequestGuard.rawPath("/pacticipants//Foo?q=a/b#x")).isEqualTo("/pacticipants//Foo");
        assertThat(RequestGuard.rawPath("http://host:9292/a/b?x")).isEqualTo("/a/b");
        assertThat(status(RequestGuard.rawPath("/pacticipants//Foo"))).isEqualTo(404);
    }
}
