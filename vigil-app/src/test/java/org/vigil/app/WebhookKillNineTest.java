package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alerts.WebhookSignature;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Issue 10's delivery promise: {@code vigil serve} acknowledges posts while the webhook receiver is down, is killed
 * with kill -9 before it could deliver them, and after a restart every notification arrives, each signed.
 */
class WebhookKillNineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBJECTS = 150;

    @Test
    void everyAcknowledgedObjectIsNotifiedAfterKillNine(@TempDir Path data) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger badSignatures = new AtomicInteger();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            long ts = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            if (!WebhookSignature.sign(secret[0], id, ts, body).equals(
                    exchange.getRequestHeaders().getFirst("webhook-signature"))) {
                badSignatures.incrementAndGet();
            }
            received.add(JSON.readTree(body).path("data").path("object").path("id").asText());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Account alice;
            UUID intel;
            try (TestVigil admin = TestVigil.create(StoreKind.SQLITE, data)) {
                admin.org("Acme", true);
                alice = admin.user("alice", "Acme", "analyst");
                intel = UUID.fromString(admin.cli("collection", "add", "Intel", "--alias", "intel", "--read", "alice",
                        "--write", "alice").ok());
                String out = admin.cli("webhook", "add", "http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hook", "--user", "alice", "--collection", "intel").ok();
                secret[0] = out.lines().reduce((a, b) -> b).orElseThrow().strip();
                assertTrue(secret[0].startsWith("whsec_"), out);
            }
            Set<String> acknowledged = new HashSet<>();
            try (VigilProcess server = VigilProcess.serve(data)) {
                Taxii client = Taxii.at(server.base()).bearer(alice.token());
                for (int n = 0; n < 3; n++) {
                    List<StixObject> batch = new ArrayList<>();
                    for (int i = 0; i < OBJECTS / 3; i++) {
                        batch.add(Stix.indicator("batch " + n + " object " + i));
                    }
                    Reply r = client.add(intel, batch);
                    assertEquals(202, r.status(), r::toString);
                    r.json().path("successes").forEach(s -> acknowledged.add(s.path("id").asText()));
                }
                server.kill();
            }
            assertEquals(OBJECTS, acknowledged.size());
            down.set(false);
            try (VigilProcess restarted = VigilProcess.serve(data)) {
                // Retries back off for a few seconds at most after so short an outage; allow far more.
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!received.containsAll(acknowledged) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(received);
                assertTrue(lost.isEmpty(), lost.size() + " acknowledged objects were never notified; server output:\n"
                        + restarted.output());
                assertEquals(0, badSignatures.get(), "every delivery carries a valid signature");
            }
        } finally {
            receiver.stop(0);
        }
    }
}
