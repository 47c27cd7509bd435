package io.pactbroker.broker.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket client: navigate, run
 * script in the page (to type, click and read the DOM), wait for page loads, take screenshots. No Selenium.
 *
 * <pre>{@code
 * try (Chromium browser = Chromium.launch()) {
 *     browser.navigate("http://localhost:8080/");
 *     String title = browser.eval("document.title");
 * }
 * }</pre>
 */
final class Chromium implements AutoCloseable {

    /** The flags the browser is started with, as CI runs it. */
    static final List<String> FLAGS =
            List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Void>> nextLoad = new AtomicReference<>(new CompletableFuture<>());

    /** The chromium executable on the PATH, if there is one. */
    static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Chromium launch() throws IOException, InterruptedException {
        Path executable = executable().orElseThrow(() -> new IllegalStateException("chromium is not installed"));
        Path profile = Files.createTempDirectory("ui-test-chromium");
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(FLAGS);
        command.add("--remote-debugging-port=0");
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException(
                            "chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            String page = null;
            while (page == null) {
                JsonNode targets = JSON.readTree(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        page = t.path("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (page == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("chromium has no page");
                    }
                    Thread.sleep(50);
                }
            }
            return new Chromium(process, profile, http, URI.create(page));
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private Chromium(Process process, Path profile, HttpClient http, URI page) {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder()
                .buildAsync(page, new Listener())
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
        send("Page.enable", JSON.createObjectNode());
        // a headless page never has the window's focus: without this, focus and blur events would not fire
        send("Emulation.setFocusEmulationEnabled", JSON.createObjectNode().put("enabled", true));
        size(1280, 900);
    }

    /** The viewport (CSS pixels) for what follows, at a device scale of 1. */
    void size(int width, int height) {
        send(
                "Emulation.setDeviceMetricsOverride",
                JSON.createObjectNode()
                        .put("width", width)
                        .put("height", height)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", false));
    }

    /** Opens the URL and waits until the page has loaded. */
    void navigate(String url) {
        CompletableFuture<Void> load = expectLoad();
        send("Page.navigate", JSON.createObjectNode().put("url", url));
        await(load);
    }

    /** Runs the script (which makes the page navigate: a click on a link or a submit) and waits for the new page. */
    void andWait(String script) {
        CompletableFuture<Void> load = expectLoad();
        eval(script);
        await(load);
    }

    /** The value of the expression in the page, as text (JSON for objects); an exception in the page fails. */
    String eval(String expression) {
        JsonNode result = send(
                "Runtime.evaluate",
                JSON.createObjectNode()
                        .put("expression", expression)
                        .put("returnByValue", true)
                        .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + expression + ": " + result.path("exceptionDetails"));
        }
        JsonNode value = result.path("result").path("value");
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** Waits (up to the timeout) until the expression is true in the page, e.g. for script-rendered content. */
    void waitFor(String expression) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"true".equals(eval("Boolean(" + expression + ")"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("never became true: " + expression);
            }
            Thread.sleep(50);
        }
    }

    /** Presses a key as a keyboard would ({@code Tab}, {@code Enter}), to the focused element. */
    void press(String key) {
        int code =
                switch (key) {
                    case "Tab" -> 9;
                    case "Enter" -> 13;
                    default -> throw new IllegalArgumentException(key);
                };
        for (String type : List.of("keyDown", "keyUp")) {
            ObjectNode params = JSON.createObjectNode()
                    .put("type", type)
                    .put("key", key)
                    .put("code", key)
                    .put("windowsVirtualKeyCode", code);
            if (key.equals("Enter") && type.equals("keyDown")) {
                params.put("text", "\r");
            }
            send("Input.dispatchKeyEvent", params);
        }
    }

    /** A PNG of the page from its top (up to 1400 pixels high), written to the file. */
    void screenshot(Path file) throws IOException {
        double height = Math.min(1400, Double.parseDouble(eval("document.documentElement.scrollHeight")));
        double width = Double.parseDouble(eval("document.documentElement.clientWidth"));
        ObjectNode clip = JSON.createObjectNode()
                .put("x", 0)
                .put("y", 0)
                .put("width", width)
                .put("height", height)
                .put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = send("Page.captureScreenshot", params);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private CompletableFuture<Void> expectLoad() {
        CompletableFuture<Void> load = new CompletableFuture<>();
        nextLoad.set(load);
        return load;
    }

    private static void await(CompletableFuture<Void> load) {
        load.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        JsonNode reply = answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer =
                                pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else if ("Page.loadEventFired"
                            .equals(message.path("method").asText())) {
                        nextLoad.get().complete(null);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
