package io.pactbroker.broker.webhooks;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.logging.Logger;

/**
 * Makes one webhook request and writes its log. Called outside any database transaction. Redirects are not followed
 * (a redirect could lead past the host whitelist); the response body is read up to {@link #MAX_RESPONSE_BYTES}; the
 * connection and the response each have {@link WebhookSettings#timeout()}.
 */
@ApplicationScoped
public class WebhookExecutor {

    private static final Logger LOG = Logger.getLogger(WebhookExecutor.class);

    /** The most bytes of a response body read (and logged). */
    static final int MAX_RESPONSE_BYTES = 16 * 1024;

    static final String REDACTED = "**********";

    private static final Pattern SENSITIVE_HEADER = Pattern.compile("(?i).*(authorization|token).*");

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final List<String> RESTRICTED = List.of("connection", "content-length", "expect", "host", "upgrade");

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    /** A header as sent or received, for the result of a test execution. */
    public record Header(String name, String value) {}

    /** The request as sent (sensitive headers redacted). */
    public record SentRequest(String method, String url, List<Header> headers, String body) {}

    /** The response as received (body cut off after {@link #MAX_RESPONSE_BYTES}). */
    public record ReceivedResponse(int status, List<Header> headers, String body) {}

    /**
     * What happened.
     *
     * @param response null when no response came (the error says why)
     * @param error why no response came, or null
     */
    public record Result(boolean success, String logs, SentRequest request, ReceivedResponse response, String error) {}

    /** What to write at the end of the log, by outcome. */
    public record Messages(String success, String failure) {}

    public static boolean sensitive(String headerName) {
        return SENSITIVE_HEADER.matcher(headerName).matches();
    }

    /**
     * Sends the request.
     *
     * @param context the webhook context, logged first as the Pact Broker logs it
     */
    public Result execute(
            WebhookTemplate.Rendered rendered,
            String webhookUuid,
            String context,
            String baseUrl,
            WebhookSettings settings,
            Messages messages) {
        ExecutionLog log = new ExecutionLog();
        boolean redact = settings.redactSensitiveData();
        log.debug("Webhook context " + context);

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> order = new ArrayList<>();
        put(headers, order, "accept", "*/*");
        put(headers, order, "user-agent", settings.userAgent());
        for (Webhook.Header h : rendered.headers()) {
            put(headers, order, h.name(), h.value());
        }
        if (rendered.jsonBody() && !headers.containsKey("content-type")) {
            put(headers, order, "content-type", "application/json");
        }
        if (rendered.username() != null && !rendered.username().isEmpty()) {
            String credentials = rendered.username() + ":" + (rendered.password() == null ? "" : rendered.password());
            String value = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            put(headers, order, "authorization", value);
            if (redact) {
                log.secret(rendered.password());
                log.secret(value.substring(6));
            }
        }
        List<Header> shown = new ArrayList<>();
        for (String name : order) {
            String value = headers.get(name);
            boolean hide = redact && sensitive(name);
            if (hide) {
                log.secret(value);
            }
            shown.add(new Header(name.toLowerCase(Locale.ROOT), hide ? REDACTED : value));
        }
        SentRequest sent = new SentRequest(rendered.method(), rendered.url(), shown, rendered.body());

        log.info("HTTP/1.1 " + rendered.method() + " " + rendered.url());
        shown.forEach(h -> log.info(h.name() + ": " + h.value()));
        if (rendered.body() != null) {
            log.info(rendered.body());
        }
        LOG.infof("Making webhook %s request %s %s", webhookUuid, rendered.method(), rendered.url());

        ReceivedResponse response = null;
        String error = null;
        try {
            response = send(rendered, headers, order, settings);
        } catch (Exception e) {
            error = describe(e);
            LOG.infof("Error executing webhook %s: %s", webhookUuid, error);
        }
        boolean success = response != null && settings.successCodes().contains(response.status());
        boolean show = settings.showResponses();
        if (response != null) {
            LOG.infof("Received response for webhook %s status=%d", webhookUuid, response.status());
            if (show) {
                log.info("HTTP/1.1 " + response.status());
                response.headers().forEach(h -> log.info(h.name() + ": " + h.value()));
                if (!response.body().isEmpty()) {
                    log.info(response.body());
                }
            } else {
                log.info(hiddenResponseMessage(baseUrl));
            }
        }
        if (error != null) {
            log.error(
                    show
                            ? "Error executing webhook " + webhookUuid + " " + error
                            : "Error executing webhook " + webhookUuid + ". " + hiddenResponseMessage(baseUrl));
        }
        String completion = success ? messages.success() : messages.failure();
        if (completion != null) {
            log.info(completion);
        }
        return new Result(success, log.toString(), sent, response, error);
    }

    static String hiddenResponseMessage(String baseUrl) {
        return "For security purposes, the response details are not logged. To enable response logging, configure the"
                + " webhook_host_whitelist property. See " + baseUrl + "/doc/webhooks#whitelist for more information.";
    }

    private static void put(Map<String, String> headers, List<String> order, String name, String value) {
        if (!headers.containsKey(name)) {
            order.add(name);
        } else {
            order.removeIf(n -> n.equalsIgnoreCase(name));
            order.add(name);
        }
        headers.put(name, value);
    }

    private ReceivedResponse send(
            WebhookTemplate.Rendered rendered, Map<String, String> headers, List<String> order, WebhookSettings s)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(rendered.url()))
                .timeout(s.timeout())
                .method(
                        rendered.method(),
                        rendered.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(rendered.body(), StandardCharsets.UTF_8));
        for (String name : order) {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, headers.get(name));
            }
        }
        CompletableFuture<HttpResponse<Capped>> future =
                client(s).sendAsync(builder.build(), info -> new CappedBody(MAX_RESPONSE_BYTES));
        HttpResponse<Capped> response;
        try {
            // the request timeout covers the wait for the response headers; this one the body as well
            response = future.get(s.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new java.net.http.HttpTimeoutException(
                    "the response did not arrive within " + s.timeout().multipliedBy(2));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        List<Header> received = new ArrayList<>();
        HttpHeaders h = response.headers();
        h.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                received.add(new Header(name, String.join(", ", values)));
            }
        });
        return new ReceivedResponse(
                response.statusCode(), received, response.body().text());
    }

    private HttpClient client(WebhookSettings s) {
        String key = s.timeout().toMillis() + "/" + s.disableSslVerification();
        return clients.computeIfAbsent(key, k -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    // the JVM's proxy settings (https.proxyHost, http.nonProxyHosts, ...)
                    .proxy(java.net.ProxySelector.getDefault())
                    .connectTimeout(s.timeout());
            if (s.disableSslVerification()) {
                builder.sslContext(trustEverything());
            }
            return builder.build();
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(c -> {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("Closing a webhook HTTP client", e);
                }
            }
        });
        clients.clear();
    }

    /** {@code java.net.ConnectException - Connection refused}, with the causes of an exception without message. */
    static String describe(Throwable e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        StringBuilder text = new StringBuilder(t.getClass().getName());
        Throwable c = t;
        while (c.getMessage() == null && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
            text.append(" caused by ").append(c.getClass().getName());
        }
        return text.append(" - ")
                .append(c.getMessage() == null ? "(no message)" : c.getMessage())
                .toString();
    }

    /**
     * A TLS context that accepts any certificate for any host ({@code PACT_BROKER_DISABLE_SSL_VERIFICATION}): an
     * extended trust manager is where the JDK checks host names, so accepting everything here skips that check too.
     */
    private static SSLContext trustEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a TLS context", e);
        }
    }

    private static final class TrustEverything extends X509ExtendedTrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A body read up to a limit; the rest is not read. */
    record Capped(byte[] bytes, boolean cut) {
        String text() {
            String decoded;
            boolean replaced = false;
            try {
                decoded = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                decoded = new String(bytes, StandardCharsets.UTF_8);
                replaced = true;
            }
            if (replaced) {
                decoded += "\n(invalid UTF-8 byte sequences were replaced)";
            }
            if (cut) {
                decoded += "\n(the response body was cut off after " + bytes.length + " bytes)";
            }
            return decoded;
        }
    }

    /** Keeps the first bytes of a body and cancels the rest, so a huge or endless response costs nothing more. */
    static final class CappedBody implements HttpResponse.BodySubscriber<Capped> {
        private final int limit;
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<Capped> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public java.util.concurrent.CompletionStage<Capped> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int room = limit - out.size();
                int n = Math.min(room, b.remaining());
                byte[] chunk = new byte[n];
                b.get(chunk);
                out.write(chunk, 0, n);
                if (b.hasRemaining() || out.size() >= limit && b.hasRemaining()) {
                    result.complete(new Capped(out.toByteArray(), true));
                    subscription.cancel();
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new Capped(out.toByteArray(), false));
        }
    }
}
