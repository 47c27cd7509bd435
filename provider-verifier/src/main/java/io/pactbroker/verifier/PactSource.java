package io.pactbroker.verifier;

import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.core.model.Pact;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the pacts to verify come from: a file, a folder of files, a URL, a pact already in memory, or a Pact Broker
 * ({@link BrokerSource}: pacts for verification with selectors, pending and WIP).
 *
 * <pre>{@code
 * PactSource.file(Path.of("pacts/web-orders.json"));
 * PactSource.directory(Path.of("target/pacts"));          // every *.json whose provider is the one verified
 * PactSource.url("https://broker.example.com/pacts/provider/orders/consumer/web/latest", BrokerAuth.bearer(token));
 * BrokerSource.of("https://broker.example.com").selectors(ConsumerVersionSelector.mainBranch()).providerBranch("main");
 * }</pre>
 */
public sealed interface PactSource
        permits PactSource.File, PactSource.Directory, PactSource.Url, PactSource.InMemory, BrokerSource {

    /** One pact file. */
    static PactSource file(Path path) {
        return new File(path);
    }

    /** Every {@code *.json} file of a folder (not its sub-folders) whose provider is the one being verified. */
    static PactSource directory(Path path) {
        return new Directory(path);
    }

    /** A pact at a URL, read without authentication. */
    static PactSource url(String url) {
        return new Url(URI.create(url), BrokerAuth.none());
    }

    /** A pact at a URL (a broker's, for example), read with the credentials. */
    static PactSource url(String url, BrokerAuth auth) {
        return new Url(URI.create(url), auth);
    }

    /** A pact already read or built. */
    static PactSource pact(Pact pact) {
        return new InMemory(pact);
    }

    /** What the source is, for messages. */
    String describe();

    /**
     * A pact file.
     *
     * @param path the file
     */
    record File(Path path) implements PactSource {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /**
     * A folder of pact files.
     *
     * @param path the folder
     */
    record Directory(Path path) implements PactSource {
        public Directory {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "folder " + path;
        }
    }

    /**
     * A pact at a URL.
     *
     * @param uri the URL
     * @param auth the credentials
     */
    record Url(URI uri, BrokerAuth auth) implements PactSource {
        public Url {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(auth, "auth");
        }

        @Override
        public String describe() {
            return "URL " + uri;
        }
    }

    /**
     * A pact in memory.
     *
     * @param pact the pact
     */
    record InMemory(Pact pact) implements PactSource {
        public InMemory {
            Objects.requireNonNull(pact, "pact");
        }

        @Override
        public String describe() {
            return "pact between " + pact.consumer() + " and " + pact.provider();
        }
    }
}
