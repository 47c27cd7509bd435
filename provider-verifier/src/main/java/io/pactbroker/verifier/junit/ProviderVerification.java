package io.pactbroker.verifier.junit;

import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.verifier.InteractionResult;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.RequestFilter;
import io.pactbroker.verifier.VerificationPlan;
import io.pactbroker.verifier.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The verification of one test class, injected into its {@code @TestFactory} method by {@link
 * PactVerificationExtension}: set what the annotation or builder could not know (the provider's port, a filter), then
 * return {@link #dynamicTests()}. A failed interaction fails its test with an {@code AssertionFailedError} (expected
 * and actual of the first mismatch, for the IDE's diff); a pending one is aborted (shown as skipped) with the reason.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> pacts(ProviderVerification verification) {
 *     return verification
 *         .providerUrl("http://localhost:" + port)
 *         .configure(v -> v.requestFilter(r -> r.withHeader("Authorization", "Bearer test")))
 *         .dynamicTests();
 * }
 * }</pre>
 */
public final class ProviderVerification {

    private final ProviderVerifier.Builder builder;
    private final List<VerificationPlan> plans = new ArrayList<>();
    private VerificationResult result;

    ProviderVerification(ProviderVerifier.Builder builder) {
        this.builder = builder;
    }

    /** The provider's base URL. */
    public ProviderVerification providerUrl(String url) {
        builder.providerUrl(url);
        return this;
    }

    /** A request filter. */
    public ProviderVerification requestFilter(RequestFilter filter) {
        builder.requestFilter(filter);
        return this;
    }

    /** Anything else the verifier's builder offers (state handlers, message producers, publishing, ...). */
    public ProviderVerification configure(Consumer<ProviderVerifier.Builder> configuration) {
        configuration.accept(builder);
        return this;
    }

    /** One dynamic test per interaction to verify, named {@code consumer › description [given states]}. */
    public Stream<DynamicTest> dynamicTests() {
        VerificationPlan plan = builder.build().plan();
        synchronized (plans) {
            plans.add(plan);
        }
        if (plan.steps().isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no pacts to verify", () -> {
                throw new AssertionFailedError("No interactions to verify: " + plan.pactCount()
                        + " pacts were found (check the pact sources, the provider name and the filters)");
            }));
        }
        return plan.steps().stream().map(step -> DynamicTest.dynamicTest(step.displayName(), () -> check(step)));
    }

    private static void check(VerificationPlan.Step step) {
        InteractionResult result = step.verify();
        if (result.passed()) {
            return;
        }
        if (result.pending()) {
            Assumptions.abort("failed, but pending (does not fail the build):\n" + result.failureText());
        }
        Optional<Mismatch> first = result.mismatches().stream().findFirst();
        if (first.isPresent()) {
            throw new AssertionFailedError(
                    result.failureText(), first.get().expected(), first.get().actual());
        }
        throw new AssertionFailedError(result.failureText());
    }

    /** Publishes (when configured) and returns the outcome of the interactions run so far. */
    VerificationResult finish() {
        synchronized (plans) {
            for (VerificationPlan plan : plans) {
                result = plan.finish();
            }
            plans.clear();
        }
        return result;
    }

    /** The outcome, once the class has finished (empty before). */
    public Optional<VerificationResult> result() {
        return Optional.ofNullable(result);
    }
}
