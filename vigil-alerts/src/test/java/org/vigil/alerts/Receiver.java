package org.vigil.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback that checks every delivery's Standard Webhooks signature with the secret and
 * records what it got; it can be told to refuse the next deliveries.
 */
final class Receiver implements AutoCloseable {

    /** One delivery as received, and whether its signature was right. */
    record Delivery(String id, String timestamp, String body, boolean signatureOk) {
    }

    final List<Delivery> received = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();
    private final HttpServer server;
    volatile String secret;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean ok = sig != null && sig.equals(WebhookSignature.sign(secret, id, Long.parseLong(ts), body));
            int status = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            if (status == 204) {
                received.add(new Delivery(id, ts, body, ok));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
