package io.pactbroker.verifier.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class a provider verification: a {@code @TestFactory} method receives a {@link ProviderVerification}
 * and returns its dynamic tests, one per interaction, named {@code consumer › description [given states]}. The class's
 * {@link State @State} methods handle provider states. Results are published after the class when {@code
 * PACT_VERIFIER_PUBLISH_RESULTS=true} (with {@code PACT_PROVIDER_VERSION}, and optionally {@code PACT_PROVIDER_BRANCH},
 * {@code PACT_PROVIDER_TAGS}, {@code PACT_BUILD_URL}).
 *
 * <pre>{@code
 * @PactVerificationTest(provider = "orders", pactFolders = "src/test/resources/pacts")
 * class OrdersProviderTest {
 *     @TestFactory
 *     Stream<DynamicTest> pacts(ProviderVerification verification) {
 *         return verification.providerUrl("http://localhost:" + app.port()).dynamicTests();
 *     }
 *
 *     @State("order {id} exists")
 *     void orderExists(StateParams params) { orders.save(new Order(params.integer("id"))); }
 * }
 * }</pre>
 *
 * <p>Everything here can also be set with {@link PactVerificationExtension#builder} and {@code @RegisterExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PactVerificationExtension.class)
public @interface PactVerificationTest {

    /** The provider's name, as in the pacts. */
    String provider();

    /** Folders of pact files (relative to the working directory, the module's folder under Maven). */
    String[] pactFolders() default {};

    /** Pact files. */
    String[] pactFiles() default {};

    /** Pact URLs (read with the broker's credentials from the environment). */
    String[] pactUrls() default {};

    /**
     * Fetch pacts from a Pact Broker: its URL, or {@code "env"} for {@code PACT_BROKER_BASE_URL} (credentials always
     * come from the environment or {@code pact.properties}).
     */
    String brokerUrl() default "";

    /** Consumer version selectors as JSON ({@code {"mainBranch": true}}); none: the broker's defaults. */
    String[] selectors() default {};

    /** The provider version's branch (pending pacts, matchingBranch); default {@code PACT_PROVIDER_BRANCH}. */
    String providerBranch() default "";

    /** Include WIP pacts published since this date; default {@code PACT_INCLUDE_WIP_PACTS_SINCE}. */
    String includeWipPactsSince() default "";

    /** The provider's base URL, when fixed; otherwise set it with {@link ProviderVerification#providerUrl}. */
    String providerUrl() default "";

    /** Only these consumers' pacts. */
    String[] consumers() default {};
}
