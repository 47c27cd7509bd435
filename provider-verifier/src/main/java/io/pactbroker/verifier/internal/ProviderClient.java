package io.pactbroker.verifier.internal;

import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.verifier.ProviderRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends requests to the provider. The JDK's {@link HttpClient} (HTTP/1.1, no redirects followed: a redirect is a
 * response the pact may expect) carries every request it can express. It refuses to let callers set {@code Host},
 * {@code Connection}, {@code Expect} and {@code Upgrade}; a request whose pact sets one of them goes through {@link
 * HttpURLConnection} instead, which sends them when {@code sun.net.http.allowRestrictedHeaders} is true (set here
 * unless the JVM was started with another value). {@code Content-Length} is always computed from the body. When
 * neither client can send a header (for example a {@code PATCH} with {@code Host}), it is left out and the result
 * carries a warning saying so.
 */
public final class ProviderClient {

    static {
        if (System.getProperty("sun.net.http.allowRestrictedHeaders") == null) {
            System.setProperty("sun.net.http.allowRestrictedHeaders", "true");
        }
    }

    private static final Set<String> RESTRICTED = Set.of("host", "connection", "expect", "upgrade");
    private static final Set<String> URL_CONNECTION_METHODS =
            Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final URI baseUrl;
    private final boolean trustAll;
    private final Duration timeout;
    private volatile HttpClient http;

    /**
     * A client for a provider.
     *
     * @param baseUrl the provider's base URL, whose path (if any) prefixes every request's path
     * @param trustAll whether to accept any TLS certificate (self-signed ones, other host names)
     * @param timeout the connect and request timeout
     */
    public ProviderClient(URI baseUrl, boolean trustAll, Duration timeout) {
        this.baseUrl = baseUrl;
        this.trustAll = trustAll;
        this.timeout = timeout;
    }

    /** The response, and what could not be sent. */
    public record Sent(HttpResponse response, List<String> warnings) {}

    /** The URL a request goes to. */
    public URI target(ProviderRequest request) {
        return target(baseUrl, request.path(), request.rawQuery());
    }

    /** A base URL plus a decoded path and a raw query. */
    public static URI target(URI base, String path, String rawQuery) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        try {
            String encodedPath = path.isEmpty() ? "" : encodePath(path.startsWith("/") ? path : "/" + path);
            if (basePath.isEmpty() && encodedPath.isEmpty()) {
                encodedPath = "/";
            }
            String text = base.getScheme() + "://" + base.getRawAuthority() + basePath + encodedPath
                    + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URL of the path " + path + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern PERCENT_ESCAPE = java.util.regex.Pattern.compile("%[0-9A-Fa-f]{2}");

    /**
     * The path encoded for a URL. A percent-escape already in the path ({@code /pacticipants/Pricing%20Service}) is
     * sent as it is, not encoded again: pacts recorded by the Ruby and Rust mock servers hold the path as it was
     * received, and their verifiers send it unchanged. Everything else (spaces, non-ASCII, a lone {@code %}) is
     * encoded.
     */
    static String encodePath(String path) throws URISyntaxException {
        StringBuilder out = new StringBuilder(path.length() + 16);
        java.util.regex.Matcher escape = PERCENT_ESCAPE.matcher(path);
        int from = 0;
        while (escape.find()) {
            out.append(encodeSegment(path.substring(from, escape.start()))).append(escape.group());
            from = escape.end();
        }
        return out.append(encodeSegment(path.substring(from))).toString();
    }

    private static String encodeSegment(String text) throws URISyntaxException {
        if (text.isEmpty()) {
            return "";
        }
        if (text.startsWith("/")) {
            return new URI(null, null, text, null).getRawPath();
        }
        // The text after an escape: a relative path cannot start with a segment holding ':', so it is encoded behind
        // a '/' that is dropped again.
        return new URI(null, null, "/" + text, null).getRawPath().substring(1);
    }

    /**
     * Sends the request.
     *
     * @throws IOException with a reason meant for people when no answer came
     */
    public Sent send(ProviderRequest request) throws IOException {
        URI target = target(request);
        List<String> warnings = new ArrayList<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        boolean restricted = false;
        for (String name : request.headers().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length")) {
                continue;
            }
            restricted |= RESTRICTED.contains(lower);
            headers.put(name, request.headers().get(name));
        }
        if (restricted && URL_CONNECTION_METHODS.contains(request.method())) {
            return new Sent(sendWithUrlConnection(request, target, headers), warnings);
        }
        if (restricted) {
            headers.keySet().removeIf(name -> {
                if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    warnings.add("header '" + name + "' was not sent: the JDK's HTTP clients cannot send it with "
                            + request.method());
                    return true;
                }
                return false;
            });
        }
        return new Sent(sendWithHttpClient(request, target, headers), warnings);
    }

    private HttpResponse sendWithHttpClient(ProviderRequest request, URI target, Map<String, List<String>> headers)
            throws IOException {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(
                        request.method(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            // One header line with the values joined, as the pact writes them: lists split only for matching.
            builder.header(name, String.join(", ", values));
        });
        try {
            java.net.http.HttpResponse<byte[]> response =
                    client().send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            return HttpResponse.fromRaw(
                    response.statusCode(), response.headers().map(), bytes == null || bytes.length == 0 ? null : bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException(reason(e, target), e);
        }
    }

    private HttpResponse sendWithUrlConnection(ProviderRequest request, URI target, Map<String, List<String>> headers)
            throws IOException {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) target.toURL().openConnection();
            if (trustAll && connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(trustingContext().getSocketFactory());
                https.setHostnameVerifier((host, session) -> true);
            }
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestMethod(request.method());
            headers.forEach((name, values) -> connection.setRequestProperty(name, String.join(", ", values)));
            byte[] body = request.body();
            if (body.length > 0) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            byte[] bytes;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            }
            return HttpResponse.fromRaw(status, connection.getHeaderFields(), bytes.length == 0 ? null : bytes);
        } catch (IOException e) {
            throw new IOException(reason(e, target), e);
        }
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(timeout);
                    if (trustAll) {
                        builder.sslContext(trustingContext());
                    }
                    http = builder.build();
                }
                client = http;
            }
        }
        return client;
    }

    /** Why no answer came, in words: {@code connection refused (is the provider running ...)}. */
    static String reason(IOException e, URI target) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = target.getScheme() + "://" + target.getRawAuthority();
        if (e instanceof HttpConnectTimeoutException
                || root instanceof java.net.SocketTimeoutException
                        && String.valueOf(root.getMessage()).contains("connect")) {
            return "the provider at " + where + " did not accept a connection in time";
        }
        if (e instanceof HttpTimeoutException || root instanceof java.net.SocketTimeoutException) {
            return "the provider at " + where + " did not answer " + target.getRawPath() + " within the timeout";
        }
        if (root instanceof ConnectException || e instanceof ConnectException) {
            return "the provider at " + where + " refused the connection (is it running, and is the URL right?)";
        }
        if (root instanceof java.net.UnknownHostException) {
            return "the provider's host is unknown: " + root.getMessage();
        }
        if (isTls(e)) {
            return "TLS with the provider at " + where + " failed: " + root.getMessage() + " (" + TRUST_HINT + ")";
        }
        return "the request to the provider at " + where + " failed: "
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** How to trust a self-signed certificate, in the words of the library and of the CLI. */
    public static final String TRUST_HINT = "if the provider's certificate is self-signed, trust it with"
            + " .trustSelfSignedCertificates(true), or --disable-ssl-verification on the command line";

    private static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    /** An SSL context that accepts any certificate for any host name: for self-signed test providers only. */
    public static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Checks nothing; being an X509ExtendedTrustManager also turns off the host name check. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
