package io.pactbroker.verifier;

import io.pactbroker.core.model.Interaction;
import io.pactbroker.verifier.StateHandler.StateAction;
import io.pactbroker.verifier.StateHandler.StateFunction;
import io.pactbroker.verifier.internal.Engine;
import io.pactbroker.verifier.internal.VerifierConfig;
import io.pactbroker.verifier.internal.VerifierConfig.StateRegistration;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Verifies a provider against its consumers' pacts: reads the pacts (files, folders, URLs, a Pact Broker), sets up
 * each interaction's provider states, replays its request against the running provider (or asks a message producer
 * for its message), matches what comes back, reports, and publishes the results to the broker.
 *
 * <pre>{@code
 * VerificationResult result = ProviderVerifier.forProvider("orders")
 *     .providerUrl("http://localhost:8080")
 *     .pacts(BrokerSource.of("https://broker.example.com")
 *         .selectors(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased())
 *         .providerBranch("main")
 *         .includeWipPactsSince("2024-01-01"))
 *     .state("order {id} exists", params -> orders.save(new Order(params.integer("id"))))
 *     .stateValues("an order exists", params -> Map.of("id", orders.save(new Order()).id()))
 *     .requestFilter(request -> request.withHeader("Authorization", "Bearer " + token))
 *     .publishResults(PublishOptions.providerVersion(gitSha).branch("main"))
 *     .build()
 *     .verify();
 * if (!result.succeeded()) { ... }
 * }</pre>
 *
 * <p>A verifier is immutable and may be run more than once. Interactions run one after the other.
 */
public final class ProviderVerifier {

    private final VerifierConfig config;

    private ProviderVerifier(VerifierConfig config) {
        this.config = config;
    }

    /** A builder for verifying the named provider (the name in the pacts). */
    public static Builder forProvider(String provider) {
        return new Builder(provider);
    }

    /** The provider verified. */
    public String provider() {
        return config.provider();
    }

    /**
     * Reads the pacts, verifies every selected interaction, publishes the results when asked to, and returns the
     * outcome. The progress is printed to the output (standard output unless {@link Builder#output} says otherwise).
     *
     * @throws VerificationException when the pacts cannot be read or the configuration is wrong
     * @throws io.pactbroker.core.broker.BrokerException when a broker cannot be reached or refuses a request
     */
    public VerificationResult verify() {
        VerificationPlan plan = plan();
        for (VerificationPlan.Step step : plan.steps()) {
            step.verify();
        }
        return plan.finish();
    }

    /**
     * Reads the pacts and returns the interactions to verify, for running them one at a time (see {@link
     * VerificationPlan}).
     */
    public VerificationPlan plan() {
        Engine engine = new Engine(config);
        return new VerificationPlan(engine, engine.load());
    }

    /** Configures a {@link ProviderVerifier}. */
    public static final class Builder {
        private final String provider;
        private Optional<URI> baseUrl = Optional.empty();
        private boolean trustAll;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private final List<PactSource> sources = new ArrayList<>();
        private final List<StateRegistration> states = new ArrayList<>();
        private Optional<URI> stateChangeUrl = Optional.empty();
        private boolean stateChangeTeardown;
        private boolean stateChangeAsQuery;
        private boolean ignoreMissingStates;
        private final List<RequestFilter> filters = new ArrayList<>();
        private final Map<String, MessageProducer> producers = new LinkedHashMap<>();
        private Optional<URI> messageEndpoint = Optional.empty();
        private final List<Consumer<Interaction>> beforeEach = new ArrayList<>();
        private final List<Consumer<Interaction>> afterEach = new ArrayList<>();
        private Optional<Pattern> filterDescription = Optional.empty();
        private Optional<Pattern> filterState = Optional.empty();
        private boolean filterNoState;
        private final Set<String> consumers = new LinkedHashSet<>();
        private Optional<PublishOptions> publish = Optional.empty();
        private PrintStream out = System.out;

        private Builder(String provider) {
            Objects.requireNonNull(provider, "provider");
            if (provider.isBlank()) {
                throw new IllegalArgumentException("the provider name must not be blank");
            }
            this.provider = provider;
        }

        /** The provider's base URL ({@code http://localhost:8080}, or with a base path: {@code .../api}). */
        public Builder providerUrl(String url) {
            return providerUrl(URI.create(url));
        }

        public Builder providerUrl(URI url) {
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException(
                        "the provider URL \"" + url + "\" must be absolute, such as http://localhost:8080");
            }
            this.baseUrl = Optional.of(url);
            return this;
        }

        /** Accept any TLS certificate from the provider (self-signed ones, other host names). */
        public Builder trustSelfSignedCertificates(boolean value) {
            this.trustAll = value;
            return this;
        }

        /** The timeout of each request to the provider and the state change URL (30 seconds by default). */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
            return this;
        }

        /** Where the pacts come from (several sources add up). */
        public Builder pacts(PactSource... values) {
            sources.addAll(Arrays.asList(values));
            return this;
        }

        public Builder pacts(List<? extends PactSource> values) {
            sources.addAll(values);
            return this;
        }

        /** A state handler that sets the named state up and returns no values. */
        public Builder state(String state, StateAction setUp) {
            Objects.requireNonNull(setUp, "setUp");
            return stateHandler(state, params -> {
                setUp.run(params);
                return Map.of();
            });
        }

        /** A state handler with a set-up and a tear-down. */
        public Builder state(String state, StateAction setUp, StateAction tearDown) {
            Objects.requireNonNull(setUp, "setUp");
            Objects.requireNonNull(tearDown, "tearDown");
            return stateHandler(state, new StateHandler() {
                @Override
                public Map<String, ?> setUp(StateParams params) throws Exception {
                    setUp.run(params);
                    return Map.of();
                }

                @Override
                public void tearDown(StateParams params) throws Exception {
                    tearDown.run(params);
                }
            });
        }

        /** A state handler for every state whose name the pattern matches entirely. */
        public Builder state(Pattern states, StateAction setUp) {
            Objects.requireNonNull(setUp, "setUp");
            this.states.add(new StateRegistration(Optional.empty(), Optional.of(states), params -> {
                setUp.run(params);
                return Map.of();
            }));
            return this;
        }

        /** A state handler whose returned values fill the interaction's {@code fromProviderState} expressions. */
        public Builder stateValues(String state, StateFunction setUp) {
            Objects.requireNonNull(setUp, "setUp");
            return stateHandler(state, setUp::apply);
        }

        /** A full state handler (set-up with values, and tear-down). */
        public Builder stateHandler(String state, StateHandler handler) {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(handler, "handler");
            states.add(new StateRegistration(Optional.of(state), Optional.empty(), handler));
            return this;
        }

        /** A full state handler for every state whose name the pattern matches entirely. */
        public Builder stateHandler(Pattern states, StateHandler handler) {
            this.states.add(new StateRegistration(Optional.empty(), Optional.of(states), handler));
            return this;
        }

        /**
         * A URL that sets provider states up (the Pact convention: POST {@code {"state", "params", "action":
         * "setup"}}, a JSON object in the answer holds values for {@code fromProviderState}), for states no
         * in-process handler handles.
         */
        public Builder stateChangeUrl(String url) {
            this.stateChangeUrl = Optional.of(URI.create(url));
            return this;
        }

        /** Also call the state change URL with {@code "action": "teardown"} after each interaction. */
        public Builder stateChangeTeardown(boolean value) {
            this.stateChangeTeardown = value;
            return this;
        }

        /** Send state changes as query parameters instead of a JSON body. */
        public Builder stateChangeAsQuery(boolean value) {
            this.stateChangeAsQuery = value;
            return this;
        }

        /**
         * Verify interactions whose provider states nobody handles, with a warning, instead of failing them (the
         * Pact CLI's behaviour when it has no state change URL).
         */
        public Builder ignoreMissingStateHandlers(boolean value) {
            this.ignoreMissingStates = value;
            return this;
        }

        /** A filter for every request sent to the provider (filters run in the order added). */
        public Builder requestFilter(RequestFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Produces the message of the message interaction with this description. */
        public Builder messageProducer(String description, MessageProducer producer) {
            producers.put(Objects.requireNonNull(description, "description"), Objects.requireNonNull(producer));
            return this;
        }

        /**
         * An HTTP endpoint that produces messages for interactions without a registered producer (the Pact
         * convention: POST {@code {"description", "providerStates"}}, the answer is the message); the provider URL
         * by default.
         */
        public Builder messageEndpoint(String url) {
            this.messageEndpoint = Optional.of(URI.create(url));
            return this;
        }

        /** Runs before each interaction, before its provider states (to reset a database, say). */
        public Builder beforeEach(Consumer<Interaction> hook) {
            beforeEach.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** Runs after each interaction, after its provider states were torn down. */
        public Builder afterEach(Consumer<Interaction> hook) {
            afterEach.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** Only interactions whose description the regular expression finds something in. */
        public Builder filterDescription(String regex) {
            this.filterDescription = Optional.of(Pattern.compile(regex));
            return this;
        }

        /** Only interactions with a provider state the regular expression finds something in. */
        public Builder filterState(String regex) {
            this.filterState = Optional.of(Pattern.compile(regex));
            return this;
        }

        /** Only interactions without provider states. */
        public Builder filterNoState(boolean value) {
            this.filterNoState = value;
            return this;
        }

        /** Only the pacts of these consumers. */
        public Builder filterConsumers(List<String> names) {
            consumers.addAll(names);
            return this;
        }

        /** Publish the results to the broker the pacts came from. */
        public Builder publishResults(PublishOptions options) {
            this.publish = Optional.of(options);
            return this;
        }

        /** Where the progress and the console report go (standard output by default). */
        public Builder output(PrintStream stream) {
            this.out = Objects.requireNonNull(stream, "stream");
            return this;
        }

        public ProviderVerifier build() {
            if (sources.isEmpty()) {
                throw new VerificationException(
                        VerificationException.Kind.CONFIGURATION,
                        "no pact source: give pact files, a folder, a URL or a Pact Broker");
            }
            return new ProviderVerifier(new VerifierConfig(
                    provider,
                    baseUrl,
                    trustAll,
                    requestTimeout,
                    sources,
                    states,
                    stateChangeUrl,
                    stateChangeTeardown,
                    stateChangeAsQuery,
                    ignoreMissingStates,
                    filters,
                    producers,
                    messageEndpoint,
                    beforeEach,
                    afterEach,
                    filterDescription,
                    filterState,
                    filterNoState,
                    Set.copyOf(consumers),
                    publish,
                    out));
        }
    }
}
