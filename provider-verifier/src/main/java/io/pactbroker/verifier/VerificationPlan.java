package io.pactbroker.verifier;

import io.pactbroker.core.model.Interaction;
import io.pactbroker.verifier.internal.Engine;
import io.pactbroker.verifier.internal.LoadedPact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A verification run taken one interaction at a time, for test frameworks that show each interaction as a test: the
 * pacts are read when the plan is made, {@link Step#verify()} verifies one interaction, and {@link #finish()}
 * publishes the results and gives the run's outcome. {@link ProviderVerifier#verify()} is the same in one call.
 *
 * <pre>{@code
 * VerificationPlan plan = verifier.plan();
 * for (VerificationPlan.Step step : plan.steps()) {
 *     InteractionResult result = step.verify();
 * }
 * VerificationResult result = plan.finish();
 * }</pre>
 */
public final class VerificationPlan {

    private final Engine engine;
    private final List<LoadedPact> pacts;
    private final List<Step> steps = new ArrayList<>();
    private final Map<Step, InteractionResult> results = new ConcurrentHashMap<>();
    private final java.util.Set<LoadedPact> announced = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    VerificationPlan(Engine engine, List<LoadedPact> pacts) {
        this.engine = engine;
        this.pacts = List.copyOf(pacts);
        for (LoadedPact pact : pacts) {
            for (Interaction interaction : engine.selected(pact)) {
                steps.add(new Step(pact, interaction));
            }
        }
    }

    /** The interactions to verify, pact after pact, each in its pact's order. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** How many pacts were read. */
    public int pactCount() {
        return pacts.size();
    }

    /**
     * Publishes the results (when configured) and returns the outcome. Interactions not verified are left out of the
     * results.
     */
    public VerificationResult finish() {
        for (LoadedPact pact : pacts) {
            announce(pact);
        }
        List<PactResult> pactResults = new ArrayList<>();
        for (LoadedPact pact : pacts) {
            List<InteractionResult> list = new ArrayList<>();
            for (Step step : steps) {
                if (step.pact == pact && results.containsKey(step)) {
                    list.add(results.get(step));
                }
            }
            pactResults.add(engine.pactResult(pact, list));
        }
        return engine.finish(pacts, pactResults);
    }

    private void announce(LoadedPact pact) {
        if (announced.add(pact)) {
            engine.announce(pact);
        }
    }

    /** One interaction of one pact, to verify. */
    public final class Step {

        private final LoadedPact pact;
        private final Interaction interaction;

        private Step(LoadedPact pact, Interaction interaction) {
            this.pact = pact;
            this.interaction = interaction;
        }

        /** {@code web › get order 7 [given order 7 exists]}. */
        public String displayName() {
            return InteractionResult.displayName(pact.pact().consumer(), interaction);
        }

        public String consumer() {
            return pact.pact().consumer();
        }

        public Interaction interaction() {
            return interaction;
        }

        /** Where the pact came from. */
        public String source() {
            return pact.source();
        }

        /** Whether a failure of this interaction would not fail the run. */
        public boolean pending() {
            return pact.pending() || pact.wip() || interaction.pending();
        }

        /** Verifies the interaction (again, if it was already) and records the result. */
        public InteractionResult verify() {
            announce(pact);
            InteractionResult result = engine.verify(pact, interaction);
            results.put(this, result);
            return result;
        }

        /** The result of the last {@link #verify()}. */
        public Optional<InteractionResult> result() {
            return Optional.ofNullable(results.get(this));
        }
    }
}
