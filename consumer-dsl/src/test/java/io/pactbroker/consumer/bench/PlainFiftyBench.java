package io.pactbroker.consumer.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baseline: the same consumer calls against a plain JDK server, no pact. */
class PlainFiftyBench {
    static HttpServer server;

    @BeforeAll
    static void start() {
        server = Endpoints.plainServer();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void callsItems() {
        Endpoints.callAll("http://127.0.0.1:" + server.getAddress().getPort(), 50);
    }
}
