package io.pactbroker.verifier.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a provider test class as the handler of one or more provider states. The method may take no
 * parameter, a {@link io.pactbroker.verifier.StateParams}, a {@code Map<String, Object>} of the parameters, or a
 * record (or any class Jackson can bind) built from them. A returned {@code Map} fills the interaction's {@code
 * fromProviderState} expressions.
 *
 * <pre>{@code
 * @State("order {id} exists")
 * Map<String, Object> orderExists(StateParams params) {
 *     return Map.of("id", orders.save(new Order(params.integer("id"))).id());
 * }
 *
 * @State(value = "order {id} exists", action = State.Action.TEARDOWN)
 * void noOrders() {
 *     orders.deleteAll();
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface State {

    /** The states' names, as written in the pacts. */
    String[] value();

    /** Whether the method sets the states up (the default) or tears them down after the interaction. */
    Action action() default Action.SETUP;

    /** When a state method runs. */
    enum Action {
        SETUP,
        TEARDOWN
    }
}
