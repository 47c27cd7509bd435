package io.pactbroker.consumer.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Makes a test class a consumer pact test: a mock server for the provider is started for the class, {@link
 * MockServer}, {@link Messages} and message parameters are injected, and the interactions of the tests that pass are
 * written to {@code target/pacts/<consumer>-<provider>.json} when the class is done. The tests of one class share one
 * mock server, so they run one after the other even when JUnit runs classes in parallel.
 *
 * <pre>{@code
 * @PactConsumerTest(consumer = "web", provider = "orders")
 * class OrdersClientTest {
 *     @Test
 *     void fetchesAnOrder(MockServer orders) { ... }
 * }
 * }</pre>
 *
 * <p>Settings left empty here come from {@code pact.properties} and then the environment (see {@link
 * io.pactbroker.consumer.PactSettings}). Use {@link PactConsumerExtension#builder()} with {@code @RegisterExtension}
 * instead to configure the test in code.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PactConsumerExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface PactConsumerTest {

    /** The consumer's name. */
    String consumer();

    /** The provider's name. */
    String provider();

    /** The port of the mock server; 0 (the default) picks a free one. */
    int port() default 0;

    /** The address the mock server listens on. */
    String host() default "127.0.0.1";

    /** Whether the mock server speaks HTTPS, with a self-signed certificate made for the run. */
    boolean tls() default false;

    /** Where pact files go; empty means the configured directory, else {@code target/pacts}. */
    String pactDirectory() default "";

    /** The specification version of the pact file, {@code "V4"} or {@code "V3"}; empty means the configured one (V4). */
    String specification() default "";
}
