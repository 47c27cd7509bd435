package io.pactbroker.verifier.internal;

import io.pactbroker.core.model.Interaction;
import io.pactbroker.verifier.MessageProducer;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.PublishOptions;
import io.pactbroker.verifier.RequestFilter;
import io.pactbroker.verifier.StateHandler;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Everything a verification run is configured with (built by {@code ProviderVerifier.Builder}). */
public record VerifierConfig(
        String provider,
        Optional<URI> baseUrl,
        boolean trustAll,
        Duration requestTimeout,
        List<PactSource> sources,
        List<StateRegistration> states,
        Optional<URI> stateChangeUrl,
        boolean stateChangeTeardown,
        boolean stateChangeAsQuery,
        boolean ignoreMissingStates,
        List<RequestFilter> filters,
        Map<String, MessageProducer> producers,
        Optional<URI> messageEndpoint,
        List<Consumer<Interaction>> beforeEach,
        List<Consumer<Interaction>> afterEach,
        Optional<Pattern> filterDescription,
        Optional<Pattern> filterState,
        boolean filterNoState,
        Set<String> consumers,
        Optional<PublishOptions> publish,
        PrintStream out) {

    public VerifierConfig {
        sources = List.copyOf(sources);
        states = List.copyOf(states);
        filters = List.copyOf(filters);
        producers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(producers));
        beforeEach = List.copyOf(beforeEach);
        afterEach = List.copyOf(afterEach);
        consumers = Set.copyOf(consumers);
    }

    /**
     * A state handler and the states it handles: one name, or the names a pattern matches entirely.
     *
     * @param name the state's name
     * @param pattern or a pattern for names
     * @param handler the handler
     */
    public record StateRegistration(Optional<String> name, Optional<Pattern> pattern, StateHandler handler) {

        /** Whether it handles the state. */
        public boolean handles(String state) {
            return name.map(state::equals).orElse(false)
                    || pattern.map(p -> p.matcher(state).matches()).orElse(false);
        }

        /** The state or pattern, for messages. */
        public String describe() {
            return name.map(n -> "\"" + n + "\"")
                    .orElseGet(() -> "/" + pattern.orElseThrow().pattern() + "/");
        }
    }
}
