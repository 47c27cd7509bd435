package io.pactbroker.consumer.interop;

import static io.pactbroker.consumer.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import io.pactbroker.consumer.Pacts;
import io.pactbroker.core.model.AsynchronousMessage;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReader;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pacts written by pact-jvm's consumer DSL ({@code au.com.dius.pact.consumer:junit5}), read back through pact-core,
 * give the same interactions and rules as the same contract written with this DSL.
 */
class WeReadPactJvmsPactsTest {

    /** pact-jvm's uuid() rule (lower case only); ours also accepts upper case. */
    private static final String UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ParameterizedTest
    @EnumSource(
            value = PactSpecVersion.class,
            names = {"V3", "V4"})
    void shouldReadPactJvmsHttpPactAsTheSameInteractionAndRules(PactSpecVersion version) throws IOException {
        var theirs = ConsumerPactBuilder.consumer("web")
                .hasPactWith("orders")
                .given("order 7 exists")
                .uponReceiving("get order")
                .path("/orders/7")
                .method("GET")
                .query("expand=lines")
                .headers(Map.of("Accept", "application/json"))
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(new PactDslJsonBody()
                        .integerType("id", 7)
                        .stringMatcher("status", "OPEN|PAID", "OPEN")
                        .decimalType("total", new BigDecimal("9.99"))
                        .numberType("weight", 2)
                        .stringType("name", "Ada")
                        .uuid("trackingId", "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b")
                        .includesStr("note", "gift")
                        .nullValue("coupon")
                        .minArrayLike("lines", 1)
                        .stringMatcher("sku", "[A-Z]\\d", "A1")
                        .integerType("quantity", 2)
                        .closeObject()
                        .closeArray())
                .toPact();
        Pact read = writeAndRead(theirs, version);

        Pact ours = Pacts.between("web", "orders")
                .given("order 7 exists")
                .uponReceiving("get order")
                .get("/orders/7")
                .query("expand", "lines")
                .header("Accept", "application/json")
                .willRespondWith(r -> r.status(200)
                        .header("Content-Type", "application/json")
                        .body(b -> b.integer("id", 7)
                                .regex("status", "OPEN|PAID", "OPEN")
                                .field("total", decimal(new BigDecimal("9.99")))
                                .number("weight", 2)
                                .string("name", "Ada")
                                .regex("trackingId", UUID_REGEX, "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b")
                                .field("note", includes("gift"))
                                // pact-jvm's nullValue() writes a plain null (equality), no "null" rule
                                .field("coupon", null)
                                .atLeast("lines", 1, line -> line.regex("sku", "[A-Z]\\d", "A1")
                                        .integer("quantity", 2))))
                .toPact();

        HttpInteraction a = read.httpInteractions().get(0);
        HttpInteraction b = ours.httpInteractions().get(0);
        assertThat(a.description()).isEqualTo(b.description());
        assertThat(a.providerStates()).isEqualTo(b.providerStates());
        assertThat(a.request().method()).isEqualTo(b.request().method());
        assertThat(a.request().path()).isEqualTo(b.request().path());
        assertThat(a.request().query().asMap()).isEqualTo(b.request().query().asMap());
        assertThat(a.request().headers().asMap())
                .isEqualTo(b.request().headers().asMap());
        assertThat(a.response().status()).isEqualTo(b.response().status());
        assertThat(a.response().headers().first("Content-Type"))
                .isEqualTo(b.response().headers().first("Content-Type"));
        assertThat(json(a.response().body())).isEqualTo(json(b.response().body()));
        assertThat(a.response().matchingRules().category(MatchingRules.BODY))
                .isEqualTo(b.response().matchingRules().category(MatchingRules.BODY));
    }

    @ParameterizedTest
    @EnumSource(
            value = PactSpecVersion.class,
            names = {"V3", "V4"})
    void shouldReadPactJvmsMessagePactAsTheSameMessageAndRules(PactSpecVersion version) throws IOException {
        var theirs = new MessagePactBuilder(version)
                .consumer("web")
                .hasPactWith("order-events")
                .given("order 7 was shipped")
                .expectsToReceive("order shipped")
                .withMetadata(Map.of("topic", "orders"))
                .withContent(new PactDslJsonBody()
                        .integerType("orderId", 7)
                        .stringMatcher("status", "SHIPPED|DELIVERED", "SHIPPED"))
                .toPact();
        Pact read = writeAndRead(theirs, version);

        Pact ours = Pacts.between("web", "order-events")
                .given("order 7 was shipped")
                .expectsToReceive("order shipped", m -> m.metadata("topic", "orders")
                        .content(b -> b.integer("orderId", 7).regex("status", "SHIPPED|DELIVERED", "SHIPPED")))
                .toPact();

        AsynchronousMessage a = read.messages().get(0);
        AsynchronousMessage b = ours.messages().get(0);
        assertThat(a.description()).isEqualTo(b.description());
        assertThat(a.providerStates()).isEqualTo(b.providerStates());
        assertThat(json(a.contents().contents())).isEqualTo(json(b.contents().contents()));
        assertThat(a.contents().contentType().map(t -> t.baseType()))
                .isEqualTo(b.contents().contentType().map(t -> t.baseType()));
        assertThat(a.contents().metadata())
                .containsEntry("topic", b.contents().metadata().get("topic"));
        assertThat(a.contents().matchingRules().category(MatchingRules.BODY))
                .isEqualTo(b.contents().matchingRules().category(MatchingRules.BODY));
    }

    /** The JSON tree (pact-jvm declares {@code charset=UTF-8} on bodies, which is not part of the comparison). */
    private static com.fasterxml.jackson.databind.JsonNode json(io.pactbroker.core.model.Body body) {
        assertThat(body).isInstanceOf(io.pactbroker.core.model.Body.Json.class);
        return ((io.pactbroker.core.model.Body.Json) body).value();
    }

    private static Pact writeAndRead(au.com.dius.pact.core.model.Pact pact, PactSpecVersion version)
            throws IOException {
        Path dir = Path.of("target/interop/pact-jvm-pacts", version.name());
        File file = dir.resolve(
                        pact.getConsumer().getName() + "-" + pact.getProvider().getName() + ".json")
                .toFile();
        file.getParentFile().mkdirs();
        file.delete();
        var result = au.com.dius.pact.core.model.DefaultPactWriter.INSTANCE.writePact(file, pact, version);
        assertThat(result).isInstanceOf(au.com.dius.pact.core.support.Result.Ok.class);
        Pact read = PactReader.read(file.toPath());
        assertThat(read.specification().name()).isEqualTo(version.name());
        return read;
    }
}
