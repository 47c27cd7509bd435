package io.pactbroker.verifier;

import java.util.Map;

/**
 * Puts the provider into a provider state before an interaction ({@link #setUp}) and takes it out again afterwards
 * ({@link #tearDown}). The values {@code setUp} returns fill the interaction's {@code fromProviderState} expressions
 * ({@code /orders/${id}}).
 *
 * <pre>{@code
 * verifier.stateHandler("an order exists", new StateHandler() {
 *     public Map<String, ?> setUp(StateParams params) {
 *         return Map.of("id", orders.save(new Order()).id());
 *     }
 *     public void tearDown(StateParams params) {
 *         orders.deleteAll();
 *     }
 * });
 * }</pre>
 *
 * <p>For the common cases the builder takes lambdas: {@link ProviderVerifier.Builder#state(String, StateAction)}
 * (no values) and {@link ProviderVerifier.Builder#stateValues(String, StateFunction)} (values).
 */
@FunctionalInterface
public interface StateHandler {

    /** Sets the state up; returns the values for {@code fromProviderState} (an empty map or {@code null}: none). */
    Map<String, ?> setUp(StateParams params) throws Exception;

    /** Tears the state down after the interaction (nothing by default). */
    default void tearDown(StateParams params) throws Exception {}

    /**
     * A set-up action that returns no values.
     */
    @FunctionalInterface
    interface StateAction {
        void run(StateParams params) throws Exception;
    }

    /**
     * A set-up function whose values fill {@code fromProviderState} expressions.
     */
    @FunctionalInterface
    interface StateFunction {
        Map<String, ?> apply(StateParams params) throws Exception;
    }
}
