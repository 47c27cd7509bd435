package io.pactbroker.consumer.junit;

import io.pactbroker.consumer.PactBuilder;
import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.Pacts;
import io.pactbroker.consumer.internal.ClassRun;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit 5 extension behind {@link PactConsumerTest}; register it yourself to configure a test in code.
 *
 * <pre>{@code
 * class OrdersClientTest {
 *     @RegisterExtension
 *     static PactConsumerExtension pact = PactConsumerExtension.builder()
 *         .consumer("web").provider("orders")
 *         .port(0).tls(true)
 *         .build();
 *
 *     @Test
 *     void fetchesAnOrder(MockServer orders) { ... }
 * }
 * }</pre>
 *
 * <p>Per test class: one mock server (started when a test first asks for it, stopped after the class) and the pact
 * file, written when the class is done with the interactions of its passing tests. Per test: the expectations
 * (cleared before each test) and, after a passing test, the check that every expected request came and no other did.
 */
public final class PactConsumerExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PactConsumerExtension.class);

    private final Optional<Config> configured;

    /** Used by {@link PactConsumerTest}: the configuration comes from the annotation. */
    public PactConsumerExtension() {
        this.configured = Optional.empty();
    }

    private PactConsumerExtension(Config config) {
        this.configured = Optional.of(config);
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classRun(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ClassRun run = classRun(context);
        ClassRun.TestRun test = run.startTest(context.getUniqueId());
        context.getStore(NAMESPACE).put(ClassRun.TestRun.class, test);
        Interactions declared = context.getRequiredTestMethod().getAnnotation(Interactions.class);
        if (declared != null) {
            for (String name : declared.value()) {
                PactBuilder builder = Pacts.between(run.consumer(), run.provider());
                invoke(context, name, builder);
                test.declare(builder.interactions());
            }
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        // When the client under test failed because the mock server refused a request, say why first.
        ClassRun.TestRun test = context.getStore(NAMESPACE).get(ClassRun.TestRun.class, ClassRun.TestRun.class);
        Optional<AssertionFailedError> problems = test == null ? Optional.empty() : test.problems();
        if (problems.isPresent()) {
            problems.get().addSuppressed(throwable);
            throw problems.get();
        }
        throw throwable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClassRun.TestRun test = context.getStore(NAMESPACE).get(ClassRun.TestRun.class, ClassRun.TestRun.class);
        if (test == null) {
            return; // set-up failed before the test started; JUnit reports that failure
        }
        if (context.getExecutionException().isPresent()) {
            test.discard();
            return;
        }
        Optional<AssertionFailedError> problems = test.problems();
        if (problems.isPresent()) {
            test.discard();
            throw problems.get();
        }
        test.pass();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MockServer.class
                || type == Messages.class
                || type == Message.class
                || type == MessageExchange.class
                || (type == List.class
                        && isListOfMessages(parameter.getParameter().getParameterizedType()));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ClassRun.TestRun test = test(context);
        if (type == MockServer.class) {
            return new TestMockServer(test);
        }
        if (type == Messages.class) {
            return new TestMessages(test);
        }
        String method = context.getRequiredTestMethod().getName();
        if (type == Message.class) {
            return single(test.messages(), "asynchronous message", method);
        }
        if (type == MessageExchange.class) {
            return single(test.exchanges(), "synchronous message exchange", method);
        }
        return test.messages();
    }

    private static <T> T single(List<T> items, String what, String method) {
        if (items.size() != 1) {
            throw new ParameterResolutionException(method + "(...) takes one " + what + " but its @Interactions methods"
                    + " declare " + items.size() + (items.size() > 1 ? "; take a List<Message> instead" : ""));
        }
        return items.get(0);
    }

    private static boolean isListOfMessages(Type type) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == Message.class;
    }

    private ClassRun.TestRun test(ExtensionContext context) {
        ClassRun.TestRun test = context.getStore(NAMESPACE).get(ClassRun.TestRun.class, ClassRun.TestRun.class);
        if (test == null) {
            throw new ExtensionConfigurationException("the pact extension was not set up for "
                    + context.getDisplayName() + "; use MockServer and messages in @Test methods only");
        }
        return test;
    }

    private ClassRun classRun(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()
                && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        ExtensionContext root = context.getRoot();
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        ClassRun.class,
                        k -> {
                            Config config = configured.orElseGet(() -> Config.from(testClass));
                            ClassRun.Shared shared = root.getStore(NAMESPACE)
                                    .getOrComputeIfAbsent(
                                            ClassRun.Shared.class, c -> new ClassRun.Shared(), ClassRun.Shared.class);
                            return new ClassRun(
                                    shared,
                                    config.consumer,
                                    config.provider,
                                    config.host,
                                    config.port,
                                    config.tls,
                                    PactSettings.load(config.explicit));
                        },
                        ClassRun.class);
    }

    private static void invoke(ExtensionContext context, String name, PactBuilder builder) throws Exception {
        Class<?> type = context.getRequiredTestClass();
        Method method = null;
        for (Class<?> c = type; c != null && method == null; c = c.getSuperclass()) {
            try {
                method = c.getDeclaredMethod(name, PactBuilder.class);
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        if (method == null) {
            throw new ExtensionConfigurationException("@Interactions(\"" + name + "\") on "
                    + context.getRequiredTestMethod().getName() + ": " + type.getSimpleName() + " has no method "
                    + name + "(PactBuilder)");
        }
        method.setAccessible(true);
        Object target =
                java.lang.reflect.Modifier.isStatic(method.getModifiers()) ? null : context.getRequiredTestInstance();
        try {
            method.invoke(target, builder);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The view of the class's mock server a test gets: expectations go to the test. */
    private static final class TestMockServer implements MockServer {
        private final ClassRun.TestRun test;

        TestMockServer(ClassRun.TestRun test) {
            this.test = test;
        }

        @Override
        public MockServer expect(Consumer<PactBuilder> interactions) {
            PactBuilder builder = Pacts.between(test.consumer(), test.provider());
            interactions.accept(builder);
            test.declare(builder.interactions());
            return this;
        }

        @Override
        public String url() {
            return test.server().url();
        }

        @Override
        public int port() {
            return test.server().port();
        }

        @Override
        public boolean isTls() {
            return test.server().isTls();
        }

        @Override
        public javax.net.ssl.SSLContext sslContext() {
            return test.server().clientSslContext();
        }

        @Override
        public String toString() {
            return "MockServer[" + url() + "]";
        }
    }

    private static final class TestMessages implements Messages {
        private final ClassRun.TestRun test;

        TestMessages(ClassRun.TestRun test) {
            this.test = test;
        }

        @Override
        public Message expect(Consumer<PactBuilder> interactions) {
            return single(expectAll(interactions), "asynchronous message", "expect");
        }

        @Override
        public List<Message> expectAll(Consumer<PactBuilder> interactions) {
            PactBuilder builder = Pacts.between(test.consumer(), test.provider());
            interactions.accept(builder);
            return test.declare(builder.interactions()).messages();
        }

        @Override
        public MessageExchange expectExchange(Consumer<PactBuilder> interactions) {
            PactBuilder builder = Pacts.between(test.consumer(), test.provider());
            interactions.accept(builder);
            return single(
                    test.declare(builder.interactions()).exchanges(), "synchronous message exchange", "expectExchange");
        }
    }

    /** What a test class is configured with. */
    private record Config(
            String consumer,
            String provider,
            String host,
            int port,
            boolean tls,
            Map<PactSettings.Key, String> explicit) {

        static Config from(Class<?> testClass) {
            for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
                PactConsumerTest annotation = c.getAnnotation(PactConsumerTest.class);
                if (annotation != null) {
                    Map<PactSettings.Key, String> explicit = new EnumMap<>(PactSettings.Key.class);
                    explicit.put(PactSettings.Key.PACT_DIRECTORY, annotation.pactDirectory());
                    explicit.put(PactSettings.Key.SPECIFICATION, annotation.specification());
                    return new Config(
                            annotation.consumer(),
                            annotation.provider(),
                            annotation.host(),
                            annotation.port(),
                            annotation.tls(),
                            explicit);
                }
            }
            throw new ExtensionConfigurationException(testClass.getSimpleName()
                    + " uses the pact extension without @PactConsumerTest(consumer = ..., provider = ...); annotate it"
                    + " or register the extension with PactConsumerExtension.builder()");
        }
    }

    /** Configures a {@link PactConsumerExtension}. */
    public static final class Builder {
        private String consumer;
        private String provider;
        private String host = "127.0.0.1";
        private int port;
        private boolean tls;
        private final Map<PactSettings.Key, String> explicit = new EnumMap<>(PactSettings.Key.class);

        private Builder() {}

        /** The consumer's name (required). */
        public Builder consumer(String name) {
            this.consumer = name;
            return this;
        }

        /** The provider's name (required). */
        public Builder provider(String name) {
            this.provider = name;
            return this;
        }

        /** The mock server's address, {@code 127.0.0.1} by default. */
        public Builder host(String address) {
            this.host = address;
            return this;
        }

        /** The mock server's port; 0 (the default) picks a free one. */
        public Builder port(int number) {
            if (number < 0 || number > 65535) {
                throw new IllegalArgumentException("port " + number + " is not a TCP port");
            }
            this.port = number;
            return this;
        }

        /** HTTPS with a self-signed certificate (see {@link MockServer#sslContext()}). */
        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /** Where pact files go (else {@code pact.properties}, {@code PACT_OUTPUT_DIR}, {@code target/pacts}). */
        public Builder pactDirectory(String directory) {
            explicit.put(PactSettings.Key.PACT_DIRECTORY, directory);
            return this;
        }

        /** The specification version of the pact file: {@code "V4"} (the default) or {@code "V3"}. */
        public Builder specification(String version) {
            explicit.put(PactSettings.Key.SPECIFICATION, version);
            return this;
        }

        public PactConsumerExtension build() {
            if (consumer == null || consumer.isBlank() || provider == null || provider.isBlank()) {
                throw new IllegalArgumentException(
                        "PactConsumerExtension.builder(): set both consumer(\"...\") and provider(\"...\")");
            }
            return new PactConsumerExtension(new Config(consumer, provider, host, port, tls, explicit));
        }
    }
}
