package io.pactbroker.verifier.junit;

import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.verifier.BrokerSource;
import io.pactbroker.verifier.ConsumerVersionSelector;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.PublishOptions;
import io.pactbroker.verifier.StateHandler;
import io.pactbroker.verifier.StateParams;
import io.pactbroker.verifier.VerificationResult;
import io.pactbroker.verifier.internal.Settings;
import io.pactbroker.verifier.internal.Settings.Key;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 integration: injects a {@link ProviderVerification} into test methods (a {@code @TestFactory} returns
 * its dynamic tests), wires the class's {@link State @State} methods as state handlers, and publishes the results
 * after the class. Used through {@link PactVerificationTest @PactVerificationTest}, or registered with a builder:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PactVerificationExtension pact = PactVerificationExtension.builder("orders")
 *     .pacts(PactSource.directory(Path.of("src/test/resources/pacts")))
 *     .configure(v -> v.state("no orders", params -> orders.deleteAll()))
 *     .build();
 *
 * @TestFactory
 * Stream<DynamicTest> pacts(ProviderVerification verification) {
 *     return verification.providerUrl("http://localhost:" + port).dynamicTests();
 * }
 * }</pre>
 *
 * <p>Settings not given come from {@code pact.properties} and the environment: {@code PACT_BROKER_BASE_URL}, {@code
 * PACT_BROKER_TOKEN} (or {@code PACT_BROKER_USERNAME}/{@code PACT_BROKER_PASSWORD}), {@code PACT_PROVIDER_BRANCH},
 * {@code PACT_INCLUDE_WIP_PACTS_SINCE}; results are published when {@code PACT_VERIFIER_PUBLISH_RESULTS=true}, as
 * {@code PACT_PROVIDER_VERSION} (with {@code PACT_PROVIDER_TAGS} and {@code PACT_BUILD_URL}).
 */
public final class PactVerificationExtension implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PactVerificationExtension.class);

    private final Optional<Builder> configured;

    /** Used by {@link PactVerificationTest}: the configuration comes from the annotation. */
    public PactVerificationExtension() {
        this.configured = Optional.empty();
    }

    private PactVerificationExtension(Builder builder) {
        this.configured = Optional.of(builder);
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProviderVerification.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ProviderVerifier.Builder verifier =
                configured.map(b -> b.toVerifier(Settings.load())).orElseGet(() -> fromAnnotation(context));
        context.getTestInstance().ifPresent(instance -> registerStateMethods(instance, verifier));
        ProviderVerification verification = new ProviderVerification(verifier);
        classContext(context)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("verifications", k -> new ArrayList<ProviderVerification>(), List.class)
                .add(verification);
        return verification;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        List<ProviderVerification> verifications = context.getStore(NAMESPACE).remove("verifications", List.class);
        if (verifications == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ProviderVerification verification : verifications) {
            VerificationResult result = verification.finish();
            if (result != null) {
                result.publications().stream().filter(p -> !p.ok()).forEach(p -> problems.add(p.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Publishing the verification results failed:\n" + String.join("\n", problems));
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static ProviderVerifier.Builder fromAnnotation(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        PactVerificationTest annotation = AnnotationSupport.findAnnotation(testClass, PactVerificationTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                        + " uses PactVerificationExtension without @PactVerificationTest: annotate the class, or"
                        + " register the extension with PactVerificationExtension.builder(...)"));
        Builder builder = builder(annotation.provider());
        Arrays.stream(annotation.pactFolders()).forEach(f -> builder.pacts(PactSource.directory(Path.of(f))));
        Arrays.stream(annotation.pactFiles()).forEach(f -> builder.pacts(PactSource.file(Path.of(f))));
        Arrays.stream(annotation.pactUrls()).forEach(builder::pactUrl);
        if (!annotation.brokerUrl().isBlank()) {
            builder.broker(annotation.brokerUrl());
        }
        Arrays.stream(annotation.selectors()).map(ConsumerVersionSelector::raw).forEach(builder::selector);
        if (!annotation.providerBranch().isBlank()) {
            builder.providerBranch(annotation.providerBranch());
        }
        if (!annotation.includeWipPactsSince().isBlank()) {
            builder.includeWipPactsSince(annotation.includeWipPactsSince());
        }
        if (!annotation.providerUrl().isBlank()) {
            builder.providerUrl(annotation.providerUrl());
        }
        builder.consumers(Arrays.asList(annotation.consumers()));
        return builder.toVerifier(Settings.load());
    }

    /** Wires the {@code @State} methods of the test instance (and its superclasses). */
    static void registerStateMethods(Object instance, ProviderVerifier.Builder verifier) {
        Map<String, Method[]> byState = new LinkedHashMap<>();
        for (Method method : AnnotationSupport.findAnnotatedMethods(
                instance.getClass(), State.class, org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN)) {
            State state = method.getAnnotation(State.class);
            for (String name : state.value()) {
                Method[] pair = byState.computeIfAbsent(name, k -> new Method[2]);
                pair[state.action() == State.Action.SETUP ? 0 : 1] = method;
            }
        }
        byState.forEach((name, pair) -> verifier.stateHandler(name, new StateHandler() {
            @Override
            public Map<String, ?> setUp(StateParams params) throws Exception {
                return pair[0] == null ? Map.of() : asValues(invoke(instance, pair[0], params));
            }

            @Override
            public void tearDown(StateParams params) throws Exception {
                if (pair[1] != null) {
                    invoke(instance, pair[1], params);
                }
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asValues(Object returned) {
        return returned instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
    }

    private static Object invoke(Object instance, Method method, StateParams params) throws Exception {
        if (!Modifier.isPublic(method.getModifiers())
                || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.setAccessible(true);
        }
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == StateParams.class) {
                args[i] = params;
            } else if (types[i] == Map.class) {
                args[i] = params.asMap();
            } else if (types[i] == String.class && params.params().isEmpty()) {
                args[i] = params.state();
            } else {
                args[i] = params.as(types[i]);
            }
        }
        try {
            return method.invoke(Modifier.isStatic(method.getModifiers()) ? null : instance, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** Configures a {@link PactVerificationExtension}. */
    public static final class Builder {
        private final String provider;
        private final List<PactSource> sources = new ArrayList<>();
        private final List<String> urls = new ArrayList<>();
        private Optional<String> brokerUrl = Optional.empty();
        private final List<ConsumerVersionSelector> selectors = new ArrayList<>();
        private Optional<String> providerBranch = Optional.empty();
        private Optional<String> includeWipPactsSince = Optional.empty();
        private Optional<String> providerUrl = Optional.empty();
        private final List<String> consumers = new ArrayList<>();
        private final List<Consumer<ProviderVerifier.Builder>> configurations = new ArrayList<>();

        private Builder(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /** Pacts from files, folders or memory (see {@link PactSource}). */
        public Builder pacts(PactSource... values) {
            sources.addAll(Arrays.asList(values));
            return this;
        }

        /** A pact at a URL (read with the broker credentials of the environment). */
        public Builder pactUrl(String url) {
            urls.add(url);
            return this;
        }

        /** Pacts from a broker: its URL, or {@code "env"} for {@code PACT_BROKER_BASE_URL}. */
        public Builder broker(String url) {
            this.brokerUrl = Optional.of(url);
            return this;
        }

        public Builder selector(ConsumerVersionSelector selector) {
            selectors.add(selector);
            return this;
        }

        public Builder providerBranch(String branch) {
            this.providerBranch = Optional.of(branch);
            return this;
        }

        public Builder includeWipPactsSince(String date) {
            this.includeWipPactsSince = Optional.of(date);
            return this;
        }

        public Builder providerUrl(String url) {
            this.providerUrl = Optional.of(url);
            return this;
        }

        public Builder consumers(List<String> names) {
            consumers.addAll(names);
            return this;
        }

        /** Anything else of the verifier's builder (applied to each verification the extension makes). */
        public Builder configure(Consumer<ProviderVerifier.Builder> configuration) {
            configurations.add(configuration);
            return this;
        }

        public PactVerificationExtension build() {
            return new PactVerificationExtension(this);
        }

        ProviderVerifier.Builder toVerifier(Settings settings) {
            ProviderVerifier.Builder verifier = ProviderVerifier.forProvider(provider);
            verifier.pacts(sources);
            BrokerAuth auth = settings.auth();
            urls.forEach(u -> verifier.pacts(PactSource.url(u, auth)));
            Optional<String> branch = providerBranch.or(() -> settings.get(Key.PROVIDER_BRANCH));
            Optional<String> url = brokerUrl.map(
                    u -> u.equals("env") ? settings.get(Key.BROKER_URL).orElse("") : u);
            if (url.isPresent()) {
                if (url.get().isBlank()) {
                    throw new ExtensionConfigurationException(
                            "pacts from a broker were asked for, but PACT_BROKER_BASE_URL (or pact.broker.url) is not"
                                    + " set");
                }
                BrokerSource broker = BrokerSource.of(url.get())
                        .auth(auth)
                        .selectors(selectors)
                        .providerBranch(branch.orElse(null))
                        .providerTags(settings.list(Key.PROVIDER_TAGS))
                        .includeWipPactsSince(includeWipPactsSince
                                .or(() -> settings.get(Key.INCLUDE_WIP_PACTS_SINCE))
                                .orElse(null));
                verifier.pacts(broker);
            }
            providerUrl.ifPresent(verifier::providerUrl);
            verifier.filterConsumers(consumers);
            if (settings.flag(Key.PUBLISH_RESULTS)) {
                String version = settings.get(Key.PROVIDER_VERSION)
                        .orElseThrow(() -> new ExtensionConfigurationException(
                                "PACT_VERIFIER_PUBLISH_RESULTS is true but PACT_PROVIDER_VERSION is not set: publishing"
                                        + " results needs the provider version"));
                verifier.publishResults(PublishOptions.providerVersion(version)
                        .branch(branch.orElse(null))
                        .tags(settings.list(Key.PROVIDER_TAGS))
                        .buildUrl(settings.get(Key.BUILD_URL).orElse(null)));
            }
            configurations.forEach(c -> c.accept(verifier));
            return verifier;
        }
    }
}
