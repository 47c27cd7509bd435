package io.pactbroker.consumer.internal;

import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.junit.Message;
import io.pactbroker.consumer.junit.MessageExchange;
import io.pactbroker.core.generators.Generation;
import io.pactbroker.core.generators.GeneratorContext;
import io.pactbroker.core.model.AsynchronousMessage;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.MessageContents;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.SynchronousMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * One test class's pact run: its mock server (started on first use), the interactions of its passing tests, and
 * the pact file written when the class is done (when JUnit closes the class's store).
 */
@SuppressWarnings("deprecation") // CloseableResource for JUnit 5, AutoCloseable for JUnit 5.13 and 6
public final class ClassRun implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** What all classes of a run share: the run's identity and the TLS certificate. */
    public static final class Shared {
        private final String runId = RunId.current(System.getenv());
        private SelfSignedCertificate certificate;

        synchronized SelfSignedCertificate certificate() {
            if (certificate == null) {
                certificate = SelfSignedCertificate.create();
            }
            return certificate;
        }
    }

    private final Shared shared;
    private final String consumer;
    private final String provider;
    private final String host;
    private final int port;
    private final boolean tls;
    private final PactSettings settings;
    private final List<Interaction> passed = new ArrayList<>();
    private HttpMockServer server;

    public ClassRun(
            Shared shared,
            String consumer,
            String provider,
            String host,
            int port,
            boolean tls,
            PactSettings settings) {
        this.shared = shared;
        this.consumer = consumer;
        this.provider = provider;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.settings = settings;
        settings.specification(); // a wrong setting fails now, not when the file is written
    }

    public String consumer() {
        return consumer;
    }

    public String provider() {
        return provider;
    }

    synchronized HttpMockServer server() {
        if (server == null) {
            server = HttpMockServer.start(host, port, tls ? Optional.of(shared.certificate()) : Optional.empty());
        }
        return server;
    }

    /** Starts a test: the mock server forgets the previous test. */
    public synchronized TestRun startTest(String id) {
        if (server != null) {
            server.reset();
        }
        return new TestRun(id);
    }

    @Override
    public void close() {
        try {
            List<Interaction> interactions;
            synchronized (this) {
                interactions = List.copyOf(passed);
            }
            if (!interactions.isEmpty()) {
                PactFiles.Written written = PactFiles.write(
                        settings.pactDirectory(),
                        Pact.of(consumer, provider, interactions),
                        settings.specification(),
                        shared.runId);
                if (!written.warnings().isEmpty()) {
                    System.Logger log = System.getLogger("io.pactbroker.consumer");
                    for (String warning : written.warnings()) {
                        log.log(
                                System.Logger.Level.WARNING,
                                "{0}: {1}",
                                written.file().getFileName(),
                                warning);
                    }
                }
            }
        } finally {
            synchronized (this) {
                if (server != null) {
                    server.close();
                    server = null;
                }
            }
        }
    }

    /** The interactions declared by one test. */
    public final class TestRun {
        private final String id;
        private final List<Interaction> declared = new ArrayList<>();
        private final List<Message> messages = new ArrayList<>();
        private final List<MessageExchange> exchanges = new ArrayList<>();
        private boolean usedServer;

        TestRun(String id) {
            this.id = id;
        }

        public String consumer() {
            return consumer;
        }

        public String provider() {
            return provider;
        }

        public HttpMockServer server() {
            usedServer = true;
            return ClassRun.this.server();
        }

        /** Adds interactions; returns the messages and exchanges among them, generated as the consumer gets them. */
        public Declared declare(List<Interaction> interactions) {
            List<HttpInteraction> http = new ArrayList<>();
            List<Message> newMessages = new ArrayList<>();
            List<MessageExchange> newExchanges = new ArrayList<>();
            for (Interaction interaction : interactions) {
                if (interaction instanceof HttpInteraction h) {
                    http.add(h);
                } else if (interaction instanceof AsynchronousMessage m) {
                    newMessages.add(message(m.description(), m.contents()));
                } else if (interaction instanceof SynchronousMessage s) {
                    newExchanges.add(new MessageExchange(
                            s.description(),
                            message(s.description(), s.request()),
                            s.responses().stream()
                                    .map(r -> message(s.description(), r))
                                    .toList()));
                }
            }
            if (!http.isEmpty()) {
                server().expect(http);
            }
            synchronized (ClassRun.this) {
                declared.addAll(interactions);
                messages.addAll(newMessages);
                exchanges.addAll(newExchanges);
            }
            return new Declared(newMessages, newExchanges);
        }

        public List<Message> messages() {
            return List.copyOf(messages);
        }

        public List<MessageExchange> exchanges() {
            return List.copyOf(exchanges);
        }

        /** What went wrong on the mock server in this test, if anything. */
        public Optional<AssertionFailedError> problems() {
            if (!usedServer && server == null) {
                return Optional.empty();
            }
            HttpMockServer s = ClassRun.this.server();
            return Reports.failure(consumer, provider, s.unexpected(), s.missing());
        }

        /** The test passed: its interactions go into the pact. */
        public void pass() {
            synchronized (ClassRun.this) {
                passed.addAll(declared);
            }
        }

        /** The test failed: its interactions are not part of the pact. */
        public void discard() {
            declared.clear();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * The messages and exchanges of one declaration.
     *
     * @param messages the asynchronous messages
     * @param exchanges the synchronous exchanges
     */
    public record Declared(List<Message> messages, List<MessageExchange> exchanges) {}

    private static Message message(String description, MessageContents contents) {
        MessageContents generated = Generation.message(contents, GeneratorContext.consumer());
        return new Message(
                description,
                generated.contents().bytes(),
                generated.contentType().map(Object::toString),
                generated.metadata());
    }
}
