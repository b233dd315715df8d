package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Large answers travel gzip-compressed to a client that asks for it with Accept-Encoding, and decode to exactly
 * what an uncompressed answer holds; a client that does not ask gets them as they are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressionTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestVigil vigil;
    private Account alice;
    private UUID intel;
    private String bigReport;

    @BeforeAll
    void startVigil(@TempDir Path dir) {
        vigil = TestVigil.create(StoreKind.SQLITE, dir.resolve("data"));
        vigil.org("Acme", true);
        alice = vigil.user("alice", "Acme", "analyst");
        intel = vigil.collection("Intel", "intel");
        vigil.grant(intel, alice, "read");
        vigil.grant(intel, alice, "write");
        vigil.start();
        List<StixObject> objects = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            objects.add(Stix.indicator("indicator " + i));
        }
        bigReport = Stix.newId("report");
        objects.add(StixObject.builder("report", bigReport).put("created", Stix.time(0))
                .put("modified", Stix.time(0)).put("name", "a long report").put("published", Stix.time(0))
                .put("description", "what was seen, at length. ".repeat(400))
                .put("object_refs", List.of(objects.get(0).id())).build());
        assertEquals(202, vigil.as(alice).add(intel, objects).status());
    }

    @AfterAll
    void stopVigil() {
        vigil.close();
    }

    @Test
    void aLargeTaxiiPageComesGzippedToAClientThatAsksAndDecodesToTheSameJson() throws Exception {
        String path = Taxii.objects(intel) + "?limit=300";
        HttpResponse<byte[]> zipped = get(path, Taxii.MEDIA_TYPE, true);
        HttpResponse<byte[]> plain = get(path, Taxii.MEDIA_TYPE, false);
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), zipped.headers()::toString);
        assertEquals(Taxii.MEDIA_TYPE, zipped.headers().firstValue("Content-Type").orElse(null));
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), plain.headers()::toString);
        JsonNode page = Taxii.JSON.readTree(plain.body());
        assertEquals(300, page.path("objects").size());
        assertEquals(page, Taxii.JSON.readTree(gunzip(zipped.body())));
        assertTrue(zipped.body().length * 4 < plain.body().length,
                () -> zipped.body().length + " compressed bytes for " + plain.body().length);
        assertEquals(plain.headers().firstValue("X-TAXII-Date-Added-Last"),
                zipped.headers().firstValue("X-TAXII-Date-Added-Last"));
    }

    @Test
    void vigilsOwnApiAnswersGzippedToAClientThatAsks() throws Exception {
        String path = "/api/v1/objects/" + bigReport;
        HttpResponse<byte[]> zipped = get(path, "application/json", true);
        HttpResponse<byte[]> plain = get(path, "application/json", false);
        assertEquals(200, plain.statusCode(), () -> new String(plain.body()));
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), zipped.headers()::toString);
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), plain.headers()::toString);
        assertEquals(Taxii.JSON.readTree(plain.body()), Taxii.JSON.readTree(gunzip(zipped.body())));
    }

    private HttpResponse<byte[]> get(String path, String accept, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(vigil.base().resolve(path)).header("Accept", accept)
                .header("Authorization", alice.bearer());
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
