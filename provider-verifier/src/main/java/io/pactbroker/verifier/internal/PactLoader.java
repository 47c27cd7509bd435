package io.pactbroker.verifier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.HalDocument;
import io.pactbroker.core.broker.Link;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.core.model.PactReader;
import io.pactbroker.verifier.BrokerSource;
import io.pactbroker.verifier.PactResult;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.VerificationException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the pacts of every source: files, folders, URLs and brokers (pacts for verification). */
public final class PactLoader {

    private final String provider;
    private final Set<String> consumers;
    private final PrintStream out;

    /**
     * A loader.
     *
     * @param provider the provider verified: pacts with other providers are left out (folders) or refused (files)
     * @param consumers only these consumers' pacts (all when empty)
     * @param out where to say what was left out
     */
    public PactLoader(String provider, Set<String> consumers, PrintStream out) {
        this.provider = provider;
        this.consumers = consumers;
        this.out = out;
    }

    /** Every pact of every source, in order. */
    public List<LoadedPact> load(List<PactSource> sources) {
        List<LoadedPact> all = new ArrayList<>();
        for (PactSource source : sources) {
            for (LoadedPact pact : load(source)) {
                if (!consumers.isEmpty() && !consumers.contains(pact.pact().consumer())) {
                    continue;
                }
                all.add(pact);
            }
        }
        return all;
    }

    private List<LoadedPact> load(PactSource source) {
        if (source instanceof PactSource.InMemory memory) {
            return List.of(checkProvider(LoadedPact.local(memory.pact(), source.describe()), true));
        }
        if (source instanceof PactSource.File file) {
            return List.of(checkProvider(LoadedPact.local(readFile(file.path()), "file " + file.path()), true));
        }
        if (source instanceof PactSource.Directory dir) {
            return readDirectory(dir.path());
        }
        if (source instanceof PactSource.Url url) {
            return List.of(checkProvider(readUrl(url), true));
        }
        return readBroker((BrokerSource) source);
    }

    private LoadedPact checkProvider(LoadedPact loaded, boolean strict) {
        if (!provider.equals(loaded.pact().provider()) && strict) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION,
                    "the pact in " + loaded.source() + " is for the provider \""
                            + loaded.pact().provider() + "\", not \"" + provider
                            + "\" (check the provider name, or the pact source)");
        }
        return loaded;
    }

    private static Pact readFile(Path path) {
        try {
            return PactReader.read(path);
        } catch (NoSuchFileException e) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION,
                    "the pact file " + path.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION, "cannot read the pact file " + path + ": " + e);
        } catch (PactReadException e) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION,
                    path + " is not a pact file that can be read: " + e.getMessage());
        }
    }

    private List<LoadedPact> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION,
                    "the pact folder " + dir.toAbsolutePath() + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION, "cannot list the pact folder " + dir + ": " + e);
        }
        List<LoadedPact> pacts = new ArrayList<>();
        for (Path file : files) {
            Pact pact = readFile(file);
            if (pact.provider().equals(provider)) {
                pacts.add(LoadedPact.local(pact, "file " + file));
            } else {
                out.println("Skipping " + file + ": it is a pact with " + pact.provider() + ", not " + provider);
            }
        }
        return pacts;
    }

    private LoadedPact readUrl(PactSource.Url url) {
        URI uri = url.uri();
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        BrokerClient client = BrokerClient.builder(origin).auth(url.auth()).build();
        HalDocument doc = client.get(uri);
        return fromDocument(client, doc, "URL " + uri, Optional.empty(), false, false, List.of());
    }

    private LoadedPact fromDocument(
            BrokerClient client,
            HalDocument doc,
            String source,
            Optional<String> shortDescription,
            boolean pending,
            boolean wip,
            List<PactResult.Notice> notices) {
        Pact pact;
        try {
            pact = PactReader.read(doc.body());
        } catch (PactReadException e) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION,
                    "the pact at " + doc.uri() + " cannot be read: " + e.getMessage());
        }
        return new LoadedPact(
                pact,
                source,
                shortDescription,
                pending,
                wip,
                notices,
                doc.link("pb:publish-verification-results").map(Link::uri),
                doc.link("pb:provider").map(Link::uri),
                Optional.of(client));
    }

    private List<LoadedPact> readBroker(BrokerSource source) {
        BrokerClient client = BrokerClient.builder(source.baseUrl())
                .auth(source.auth())
                .timeout(source.timeout())
                .build();
        HalDocument index = client.index();
        Link link = index.link("pb:provider-pacts-for-verification")
                .or(() -> index.link("beta:provider-pacts-for-verification"))
                .orElseThrow(() -> new VerificationException(
                        VerificationException.Kind.BROKER,
                        "the broker at " + source.baseUrl() + " has no 'pb:provider-pacts-for-verification' relation"
                                + " (it is older than Pact Broker 2.60): upgrade it, or verify pacts by URL"));
        HalDocument answer = client.post(link.expand(Map.of("provider", provider)), source.requestBody());
        List<LoadedPact> pacts = new ArrayList<>();
        for (JsonNode entry : answer.embedded("pacts")) {
            String href = entry.path("_links").path("self").path("href").asText("");
            if (href.isEmpty()) {
                continue;
            }
            JsonNode properties = entry.path("verificationProperties");
            List<PactResult.Notice> notices = new ArrayList<>();
            properties
                    .path("notices")
                    .forEach(n -> notices.add(new PactResult.Notice(
                            n.path("when").asText("before_verification"),
                            n.path("text").asText(""))));
            Optional<String> shortDescription = Optional.ofNullable(
                            entry.path("shortDescription").textValue())
                    .filter(s -> !s.isBlank());
            HalDocument doc = client.get(URI.create(href));
            pacts.add(fromDocument(
                    client,
                    doc,
                    "Pact Broker " + client.baseUrl()
                            + shortDescription.map(s -> " (" + s + ")").orElse(""),
                    shortDescription,
                    properties.path("pending").asBoolean(false),
                    properties.path("wip").asBoolean(false),
                    notices));
        }
        return pacts;
    }
}
