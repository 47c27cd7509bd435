package io.pactbroker.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.verifier.support.CliRun;
import io.pactbroker.verifier.support.PactFiles;
import io.pactbroker.verifier.support.SelfSignedCertificate;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider over HTTPS with a self-signed certificate made at test time: refused unless the verifier is told to
 * trust it (the library's {@code trustSelfSignedCertificates}, the CLI's {@code --disable-ssl-verification}), and the
 * refusal names both.
 */
class HttpsProviderTest {

    static final String GET_ORDER = """
            {"description": "get order 7", "request": {"method": "GET", "path": "/orders/7"},
             "response": {"status": 200, "body": {"id": 7}}}
            """;

    /** Sent with HttpsURLConnection, the JDK's HttpClient refusing the Host header. */
    static final String VIRTUAL_HOST = """
            {"description": "virtual host", "request": {"method": "GET", "path": "/host",
              "headers": {"Host": "orders.example.com"}},
             "response": {"status": 200, "body": {"host": "orders.example.com"}}}
            """;

    @TempDir
    static Path certificates;

    static SSLContext tls;

    @TempDir
    Path dir;

    TestProvider provider;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final CliRun cli = new CliRun();

    @BeforeAll
    static void certificate() {
        tls = SelfSignedCertificate.serverContext(certificates);
    }

    @BeforeEach
    void start() {
        provider = TestProvider.startHttps(tls);
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7}"));
        provider.route(
                "GET /host",
                r -> Reply.json(200, "{\"host\": \"" + r.headers().get("Host").get(0) + "\"}"));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Path pact() {
        return PactFiles.write(dir, "web-orders.json", PactFiles.v3("web", "orders", GET_ORDER + "," + VIRTUAL_HOST));
    }

    private VerificationResult verify(boolean trust) {
        return ProviderVerifier.forProvider("orders")
                .providerUrl(provider.url())
                .pacts(PactSource.file(pact()))
                .trustSelfSignedCertificates(trust)
                .output(new PrintStream(out, true, StandardCharsets.UTF_8))
                .build()
                .verify();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseASelfSignedProviderAndNameTheOptionThatTrustsIt() {
        VerificationResult result = verify(false);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.interactions()).hasSize(2).allSatisfy(interaction -> assertThat(interaction.failureText())
                .contains("TLS with the provider at " + provider.url() + " failed")
                .contains(".trustSelfSignedCertificates(true)")
                .contains("--disable-ssl-verification"));
        assertThat(provider.received()).isEmpty();
    }

    @Test
    void shouldVerifyASelfSignedProviderWhenTrusted() {
        VerificationResult result = verify(true);

        assertThat(result.succeeded()).as(out()).isTrue();
        assertThat(provider.received()).extracting(TestProvider.Received::path).containsExactly("/orders/7", "/host");
        assertThat(provider.received("/host").get(0).headers().get("Host")).containsExactly("orders.example.com");
    }

    @Test
    void shouldExitOneFromTheCliWithoutTheFlagNamingIt() {
        int code = cli.run(
                "verify",
                "--file",
                pact().toString(),
                "--provider-name",
                "orders",
                "--provider-base-url",
                provider.url());

        assertThat(code).isEqualTo(1);
        assertThat(cli.out()).contains("TLS with the provider at " + provider.url(), "--disable-ssl-verification");
        assertThat(provider.received()).isEmpty();
    }

    @Test
    void shouldPassFromTheCliWithDisableSslVerification() {
        int code = cli.run(
                "verify",
                "--file",
                pact().toString(),
                "--provider-name",
                "orders",
                "--transport",
                "https",
                "-h",
                "127.0.0.1",
                "--port",
                Integer.toString(provider.port()),
                "--disable-ssl-verification");

        assertThat(code).as(cli.out() + cli.err()).isZero();
        assertThat(provider.received()).hasSize(2);
    }
}
