package org.vigil.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.stix.StixObject;

/**
 * A TAXII objects endpoint on loopback that behaves as servers other than Vigil do: whole POST batches share one
 * date_added, {@code next} is only honoured with the same filters and limit as the first page (as medallion
 * requires), the Date-Added headers can be left out, and one request can be made to fail.
 */
final class BatchingRemote implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version as the remote holds it. */
    record Entry(Instant dateAdded, StixObject object) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean dateAddedHeaders = true;
    private volatile int failRequest = -1;

    BatchingRemote() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Adds a batch that shares one date_added. */
    synchronized void post(Instant dateAdded, List<StixObject> batch) {
        batch.forEach(o -> entries.add(new Entry(dateAdded, o)));
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    void withoutDateAddedHeaders() {
        dateAddedHeaders = false;
    }

    /** The request with this number (from 1, counting from now) answers 500. */
    void failRequest(int n) {
        failRequest = requests.get() + n;
    }

    String collectionUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api1/collections/remote/";
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (requests.incrementAndGet() == failRequest) {
            send(exchange, 500, "{\"title\":\"scripted failure\"}");
            return;
        }
        Map<String, String> q = query(exchange.getRequestURI());
        String next = q.remove("next");
        String filters = q.toString();
        int offset = 0;
        if (next != null) {
            String[] parts = next.split("\\|", 2);
            if (parts.length != 2 || !parts[1].equals(filters)) {
                send(exchange, 400, "{\"title\":\"next must come with the same filters and limit\"}");
                return;
            }
            offset = Integer.parseInt(parts[0]);
        }
        Instant after = q.containsKey("added_after") ? Instant.parse(q.get("added_after")) : Instant.MIN;
        int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
        List<Entry> matching;
        synchronized (this) {
            matching = entries.stream().filter(e -> e.dateAdded().isAfter(after)).toList();
        }
        List<Entry> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        ObjectNode body = JSON.createObjectNode();
        boolean more = offset + limit < matching.size();
        body.put("more", more);
        if (more) {
            body.put("next", (offset + limit) + "|" + filters);
        }
        page.forEach(e -> body.withArray("objects").add(e.object().json()));
        if (dateAddedHeaders && !page.isEmpty()) {
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-First", page.get(0).dateAdded().toString());
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", page.get(page.size() - 1).dateAdded().toString());
        }
        send(exchange, 200, body.toString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/taxii+json;version=2.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
