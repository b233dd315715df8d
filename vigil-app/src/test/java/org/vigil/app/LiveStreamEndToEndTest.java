package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/** {@code GET /api/v1/stream}: Server-Sent Events of new objects, resumed with Last-Event-ID without gap or repeat. */
class LiveStreamEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One event as a client saw it. */
    record Event(String id, String objectName) {
    }

    /** A client's connection: events arrive on a queue until it is closed. */
    static final class Client implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        Client(TestVigil vigil, String authorization, String lastEventId, String query) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(vigil.base().resolve("/api/v1/stream" + query))
                    .header("Accept", "text/event-stream");
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, r.statusCode());
            lines = r.body();
            Thread reader = new Thread(() -> {
                String id = null;
                try {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("data: ")) {
                            events.add(new Event(id, JSON.readTree(line.substring(6)).path("object").path("name")
                                    .asText()));
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the connection
                }
            }, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }

        Event next() throws InterruptedException {
            Event e = events.poll(60, TimeUnit.SECONDS);
            assertNotNull(e, "no event arrived");
            return e;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    private static StixObject indicator(String name, Tlp tlp) {
        return StixObject.builder("indicator", "indicator--" + UUID.randomUUID())
                .put("created", "2026-12-06T10:00:00.000Z").put("modified", "2026-12-06T10:00:00.000Z")
                .put("name", name).put("pattern", "[ipv4-addr:value = '198.51.100.1']").put("pattern_type", "stix")
                .put("valid_from", "2026-12-06T10:00:00.000Z").put("object_marking_refs", List.of(tlp.markingId()))
                .build();
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsNoGapAndNoRepeat(@TempDir Path dir) throws Exception {
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir)) {
            vigil.org("Acme", true);
            TestVigil.Account alice = vigil.user("alice", "Acme", "analyst");
            UUID intel = UUID.fromString(vigil.cli("collection", "add", "Intel", "--alias", "intel", "--read",
                    "alice", "--write", "alice").ok());
            vigil.start();
            List<String> seen = new ArrayList<>();
            String resumeFrom;
            try (Client first = new Client(vigil, alice.bearer(), null, "?collection=intel")) {
                vigil.as(alice).add(intel, indicator("one", Tlp.AMBER), indicator("two", Tlp.AMBER),
                        indicator("three", Tlp.AMBER));
                seen.add(first.next().objectName());
                Event second = first.next();
                seen.add(second.objectName());
                resumeFrom = second.id();
            }
            vigil.as(alice).add(intel, indicator("four", Tlp.AMBER));
            try (Client again = new Client(vigil, alice.bearer(), resumeFrom, "?collection=intel")) {
                seen.add(again.next().objectName());
                seen.add(again.next().objectName());
                assertNull(again.events.poll(2, TimeUnit.SECONDS), "nothing more, nothing twice");
            }
            assertEquals(List.of("one", "two", "three", "four"), seen);
        }
    }

    @Test
    void aThousandIdleClientsHoldNoThreadEachAndAllGetTheNextObject(@TempDir Path dir) throws Exception {
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir)) {
            vigil.org("Acme", true);
            TestVigil.Account alice = vigil.user("alice", "Acme", "analyst");
            UUID intel = UUID.fromString(vigil.cli("collection", "add", "Intel", "--alias", "intel", "--read",
                    "alice", "--write", "alice").ok());
            vigil.start();
            List<java.net.Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    java.net.Socket s = new java.net.Socket("127.0.0.1", vigil.base().getPort());
                    s.setSoTimeout(120_000); // a guard against hanging, not a measurement
                    s.getOutputStream().write(("GET /api/v1/stream?collection=intel HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\nAuthorization: " + alice.bearer() + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    clients.add(s);
                }
                for (java.net.Socket s : clients) {
                    readUntil(s, ": keep-alive");
                }
                int threads = Thread.getAllStackTraces().size();
                assertTrue(threads < 300, "1,000 open streams, " + threads + " threads in the JVM");
                vigil.as(alice).add(intel, indicator("to all", Tlp.AMBER));
                for (java.net.Socket s : clients) {
                    assertTrue(readUntil(s, "event: object.added").endsWith("event: object.added"));
                }
            } finally {
                for (java.net.Socket s : clients) {
                    s.close();
                }
            }
        }
    }

    /** What a raw connection sends up to and including {@code marker}. */
    private static String readUntil(java.net.Socket s, String marker) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        java.io.InputStream in = s.getInputStream();
        while (b.indexOf(marker) < 0) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("the stream ended before '" + marker + "': " + b);
            }
            b.append((char) c);
        }
        return b.substring(0, b.indexOf(marker) + marker.length());
    }

    @Test
    void anAnonymousStreamCarriesClearOnly(@TempDir Path dir) throws Exception {
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir)) {
            vigil.org("Acme", true);
            TestVigil.Account alice = vigil.user("alice", "Acme", "analyst");
            UUID open = UUID.fromString(vigil.cli("collection", "add", "Open", "--alias", "open", "--write", "alice")
                    .ok());
            vigil.cli("collection", "set", open.toString(), "--public").ok();
            vigil.start();
            try (Client anonymous = new Client(vigil, null, null, "")) {
                vigil.as(alice).add(open, indicator("green", Tlp.GREEN), indicator("amber", Tlp.AMBER),
                        indicator("clear", Tlp.CLEAR));
                assertEquals("clear", anonymous.next().objectName());
                assertNull(anonymous.events.poll(2, TimeUnit.SECONDS));
            }
        }
    }
}
