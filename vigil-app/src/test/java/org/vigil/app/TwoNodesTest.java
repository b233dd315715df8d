package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;

/**
 * Two servers sharing one PostgreSQL store, as behind a load balancer: each has its own data directory holding
 * copies of the first one's keys (as docs/scale-out.md says to set them up), and requests alternate between them.
 */
class TwoNodesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndPagesAlternateBetweenNodesAndTheAuditChainStaysOne() throws Exception {
        try (TestVigil first = TestVigil.create(StoreKind.POSTGRES, dir.resolve("first"))) {
            first.org("Agency", true);
            TestVigil.Account ana = first.user("ana", "Agency", "analyst");
            UUID shared = first.collection("Shared", "shared");
            first.grant(shared, ana, "read");
            first.grant(shared, ana, "write");
            first.start();
            try (TestVigil second = secondNode(first)) {
                second.start();
                List<TestVigil> nodes = List.of(first, second);
                ExecutorService writers = Executors.newFixedThreadPool(4);
                List<Future<Integer>> posts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    TestVigil node = nodes.get(i % 2);
                    posts.add(writers.submit(() -> node.as(ana).add(shared, indicators(15)).status()));
                }
                for (Future<Integer> post : posts) {
                    assertEquals(202, post.get());
                }
                writers.shutdown();
                Set<String> seen = new HashSet<>();
                String next = null;
                int pages = 0;
                JsonNode page;
                do {
                    TestVigil node = nodes.get(pages++ % 2);
                    Taxii.Reply r = next == null ? node.as(ana).get(Taxii.objects(shared), "limit", "7")
                            : node.as(ana).get(Taxii.objects(shared), "limit", "7", "next", next);
                    assertEquals(200, r.status(), r::toString);
                    page = r.json();
                    page.path("objects").forEach(o -> assertTrue(seen.add(o.path("id").asText()), "repeated"));
                    next = page.path("next").asText(null);
                } while (page.path("more").asBoolean());
                assertEquals(120, seen.size(), "every object once, over " + pages + " pages from both nodes");
                for (TestVigil node : nodes) {
                    TestVigil.Run verify = node.cli("audit", "verify");
                    assertEquals(0, verify.code(), verify::toString);
                    assertTrue(verify.out().contains("intact"), verify.out());
                }
            }
        }
    }

    /** A second installation on the first one's store, with copies of its keys and settings. */
    private TestVigil secondNode(TestVigil first) throws Exception {
        Path data = dir.resolve("second");
        Files.createDirectories(data);
        for (String file : List.of("vigil.yaml", "secret.key", "audit.key", "feed.key")) {
            Path from = first.data().resolve(file);
            if (Files.exists(from)) {
                Files.copy(from, data.resolve(file));
            }
        }
        return TestVigil.reopen(StoreKind.POSTGRES, data);
    }

    private static List<StixObject> indicators(int n) {
        List<StixObject> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(StixObject.builder("indicator", "indicator--" + UUID.randomUUID())
                    .put("created", "2026-12-06T10:00:00.000Z").put("modified", "2026-12-06T10:00:00.000Z")
                    .put("name", "two nodes " + i).put("pattern", "[ipv4-addr:value = '198.51.100." + i + "']")
                    .put("pattern_type", "stix").put("valid_from", "2026-12-06T10:00:00.000Z").build());
        }
        return out;
    }
}
