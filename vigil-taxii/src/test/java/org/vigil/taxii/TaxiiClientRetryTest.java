package org.vigil.taxii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries against a real HTTP server on loopback that answers from a script. */
class TaxiiClientRetryTest {

    private HttpServer server;
    private final Deque<int[]> script = new ArrayDeque<>();

    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int[] next;
            synchronized (script) {
                next = script.isEmpty() ? new int[] {200, -1} : script.poll();
            }
            if (next[1] >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(next[1]));
            }
            byte[] body = ("{\"status\":" + next[0] + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(next[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesOn429And5xxUntilTheServerAnswers() throws IOException {
        URI base = serve();
        script.add(new int[] {429, 0});
        script.add(new int[] {503, -1});
        TaxiiClient client = TaxiiClient.anonymous(base).withRetries(3, Duration.ofMillis(1));
        assertEquals(200, client.get("objects/", Map.of()).status());
        assertEquals(0, script.size());
    }

    @Test
    void givesTheLastAnswerBackWhenTheAttemptsRunOut() throws IOException {
        URI base = serve();
        script.add(new int[] {500, -1});
        script.add(new int[] {502, -1});
        assertEquals(502, TaxiiClient.anonymous(base).withRetries(2, Duration.ofMillis(1)).get("x", Map.of()).status());
    }

    @Test
    void withoutRetriesAnErrorIsAnsweredAtOnce() throws IOException {
        URI base = serve();
        script.add(new int[] {503, 0});
        assertEquals(503, TaxiiClient.anonymous(base).get("x", Map.of()).status());
        assertEquals(0, script.size());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), TaxiiClient.retryAfter("7").orElseThrow());
        assertEquals(Duration.ZERO, TaxiiClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT").orElseThrow());
        assertEquals(true, TaxiiClient.retryAfter("soon").isEmpty());
    }
}
