package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Every error of docs/taxii-2.1.md gets its HTTP status and a TAXII error message (title, http_status, a
 * description of what to change), never an HTML page and never a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaxiiErrorsContract {

    private static final long MAX_CONTENT_LENGTH = 4096;

    private TestVigil vigil;
    private Account alice;
    private Account nora;
    private UUID intel;
    private UUID secret;
    private String someObject;

    abstract StoreKind store();

    @BeforeAll
    void startVigil(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"),
                Map.of("taxii.max_content_length", Long.toString(MAX_CONTENT_LENGTH)));
        vigil.org("Acme", true);
        alice = vigil.user("alice", "Acme", "analyst");
        nora = vigil.user("nora", "Acme", "reader");
        vigil.user("paula", "Acme", "reader", "paula's password");
        intel = vigil.collection("Intel", "intel");
        secret = vigil.collection("Secret", "secret");
        vigil.grant(intel, alice, "read");
        vigil.grant(intel, alice, "write");
        vigil.start();
        StixObject o = Stix.indicator("present");
        someObject = o.id();
        assertEquals(202, alice().add(intel, o, Stix.indicator("another"), Stix.indicator("a third")).status());
    }

    @AfterAll
    void stopVigil() {
        vigil.close();
    }

    private Taxii alice() {
        return vigil.as(alice);
    }

    /** The answer is a TAXII error message with this status: right media type, title, http_status, no trace. */
    static JsonNode assertTaxiiError(int status, Reply r) {
        assertEquals(status, r.status(), r::toString);
        assertEquals(Taxii.MEDIA_TYPE, r.header("Content-Type").orElse(null), r::toString);
        assertFalse(r.body().contains("<html") || r.body().contains("<HTML"), r::toString);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(".java:"),
                () -> "no stack trace or exception names: " + r);
        JsonNode e = r.json();
        assertFalse(e.path("title").asText().isBlank(), () -> "a title: " + r);
        assertEquals(Integer.toString(status), e.path("http_status").asText(), r::toString);
        return e;
    }

    // 400

    @Test
    void malformedTimestampIs400() {
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "added_after", "yesterday"));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "added_after", "2026-13-01T00:00:00Z"));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "match[version]", "2026-02-30T00:00:00.000Z"));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "match[version]", "newest"));
    }

    @Test
    void unknownOrRepeatedParameterIs400() {
        JsonNode e = assertTaxiiError(400, alice().get(Taxii.objects(intel), "match[colour]", "red"));
        assertTrue(e.path("description").asText().contains("match[colour]"), e::toString);
        assertTaxiiError(400, alice().get(Taxii.object(intel, someObject), "match[type]", "indicator"));
        assertTaxiiError(400, alice().get(Taxii.versions(intel, someObject), "match[version]", "all"));
        assertTaxiiError(400, alice().get(Taxii.collections(), "limit", "1"));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "match[id]", someObject, "match[id]", someObject));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "match[type]", ","));
    }

    @Test
    void limitThatIsNotAPositiveWholeNumberIs400() {
        for (String limit : List.of("0", "-1", "ten", "1.5", "")) {
            assertTaxiiError(400, alice().get(Taxii.objects(intel), "limit", limit));
        }
    }

    @Test
    void malformedForgedOrMisplacedNextTokenIs400() {
        Reply first = alice().get(Taxii.objects(intel), "limit", "1");
        String next = first.json().path("next").asText();
        assertFalse(next.isEmpty(), first::toString);
        assertEquals(200, alice().get(Taxii.objects(intel), "limit", "1", "next", next).status());
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "next", "garbage"));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "next", "not.base64!"));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "next", forged(next)));
        assertTaxiiError(400, alice().get(Taxii.objects(intel), "next", next, "match[type]", "indicator"));
        assertTaxiiError(400, alice().get(Taxii.manifest(intel), "next", next));
        Account reader = vigil.user("reader-of-intel", "Acme", "reader");
        vigil.grant(intel, reader, "read");
        assertTaxiiError(400, vigil.as(reader).get(Taxii.objects(intel), "next", next));
    }

    /** The token with its position moved back to the start, its signature kept. */
    private static String forged(String token) {
        int dot = token.indexOf('.');
        String position = Base64.getUrlEncoder().withoutPadding().encodeToString("AQAAAAAAAAAA".getBytes(
                StandardCharsets.US_ASCII));
        return position + token.substring(dot);
    }

    @Test
    void badlyEncodedQueryIs400() throws IOException {
        for (String query : List.of("?match%5Bid%5D=%zz", "?match[id]=%", "?added_after=%E0%80")) {
            RawHttp.Answer a = RawHttp.exchange(vigil.base().getPort(), "GET " + Taxii.objects(intel) + query
                    + " HTTP/1.1", "Accept: " + Taxii.MEDIA_TYPE, "Authorization: " + alice.bearer());
            assertRawTaxiiError(400, a);
        }
    }

    @Test
    void whatTheHttpLayerRefusesBeforeRoutingIsATaxiiErrorToo() throws IOException {
        int port = vigil.base().getPort();
        assertRawTaxiiError(400, RawHttp.exchange(port, "GET /taxii2/%zz HTTP/1.1"));
        assertRawTaxiiError(431, RawHttp.exchange(port, "GET /taxii2/ HTTP/1.1",
                "Authorization: Bearer " + "x".repeat(20_000)));
    }

    @Test
    void headAnswersAsGetWouldWithoutTheBody() {
        int port = vigil.base().getPort();
        String accept = "Accept: " + Taxii.MEDIA_TYPE;
        RawHttp.Answer get = RawHttp.exchange(port, "GET " + Taxii.objects(intel) + " HTTP/1.1", accept,
                "Authorization: " + alice.bearer());
        RawHttp.Answer head = RawHttp.exchange(port, "HEAD " + Taxii.objects(intel) + " HTTP/1.1", accept,
                "Authorization: " + alice.bearer());
        assertEquals(200, head.status(), head::toString);
        assertEquals(Taxii.MEDIA_TYPE, head.headers().get("content-type"), head::toString);
        assertEquals(get.headers().get("x-taxii-date-added-first"), head.headers().get("x-taxii-date-added-first"));
        assertEquals("", head.body(), head::toString);
        assertEquals(404, RawHttp.exchange(port, "HEAD " + Taxii.object(secret, someObject) + " HTTP/1.1", accept,
                "Authorization: " + alice.bearer()).status());
        assertEquals(401, RawHttp.exchange(port, "HEAD " + Taxii.objects(intel) + " HTTP/1.1", accept).status());
    }

    private static void assertRawTaxiiError(int status, RawHttp.Answer a) throws IOException {
        assertEquals(status, a.status(), a::toString);
        assertEquals(Taxii.MEDIA_TYPE, a.headers().get("content-type"), a::toString);
        JsonNode e = Taxii.JSON.readTree(a.body());
        assertFalse(e.path("title").asText().isBlank(), a::toString);
        assertEquals(Integer.toString(status), e.path("http_status").asText(), a::toString);
    }

    @Test
    void malformedJsonBodyIs400() {
        for (String body : List.of("{\"objects\": [ {\"type\": ", "{\"objects\": []} trailing words",
                "{\"objects\": []} {\"objects\": []}", "{\"objects\": [}")) {
            assertTaxiiError(400, alice().post(Taxii.objects(intel), body));
        }
    }

    // 401

    @Test
    void missingCredentialsOnAPrivateCollectionIs401WithAChallenge() {
        assertChallenge(vigil.anonymous().get(Taxii.objects(intel)));
        assertChallenge(vigil.anonymous().get(Taxii.collection(intel)));
        assertChallenge(vigil.anonymous().post(Taxii.objects(intel), Taxii.envelope(List.of(Stix.indicator("x")))));
    }

    @Test
    void badCredentialsAre401WithAChallengeNeverAnonymousAccess() {
        assertChallenge(vigil.anonymous().basic("paula", "not her password").get(Taxii.collections()));
        assertChallenge(vigil.anonymous().basic("nobody-by-this-name", "whatever").get(Taxii.collections()));
        assertChallenge(vigil.anonymous().bearer("vgl_" + "A".repeat(43)).get(Taxii.collections()));
        assertChallenge(vigil.anonymous().bearer("not a token").get(Taxii.collections()));
        assertChallenge(vigil.anonymous().authorization("Basic !!!").get(Taxii.collections()));
        assertChallenge(vigil.anonymous().authorization("Digest username=\"alice\"").get(Taxii.collections()));
        assertChallenge(vigil.anonymous().bearer(alice.token()).basic("alice", "").get("/taxii2/"));
    }

    @Test
    void expiredTokenIs401() {
        String expired = vigil.token(alice, "--expires", "2020-01-01T00:00:00Z");
        assertChallenge(vigil.anonymous().bearer(expired).get(Taxii.objects(intel)));
    }

    @Test
    void revokedTokenIs401() {
        String token = vigil.token(alice);
        assertEquals(200, vigil.anonymous().bearer(token).get(Taxii.objects(intel)).status());
        String tokenId = vigil.cli("token", "list", "alice").ok().lines()
                .filter(l -> l.contains("active")).reduce((a, b) -> b).orElseThrow().split("\t")[0];
        vigil.cli("token", "revoke", tokenId).ok();
        assertChallenge(vigil.anonymous().bearer(token).get(Taxii.objects(intel)));
    }

    private static void assertChallenge(Reply r) {
        assertTaxiiError(401, r);
        String challenge = r.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("Basic") && challenge.contains("Bearer"), r::toString);
    }

    // 404

    @Test
    void unreadableCollectionAnswersExactlyAsAMissingOne() {
        UUID missing = UUID.randomUUID();
        for (String suffix : List.of("", "objects/", "manifest/", "objects/" + someObject + "/",
                "objects/" + someObject + "/versions/")) {
            Reply forSecret = vigil.as(alice).get(Taxii.collection(secret) + suffix);
            Reply forMissing = vigil.as(alice).get(Taxii.collection(missing) + suffix);
            assertTaxiiError(404, forSecret);
            assertTaxiiError(404, forMissing);
            assertEquals(forMissing.body().replace(missing.toString(), secret.toString()), forSecret.body());
            assertEquals(forMissing.headers().map().keySet(), forSecret.headers().map().keySet());
        }
        Reply post = vigil.as(alice).post(Taxii.objects(secret), Taxii.envelope(List.of(Stix.indicator("x"))));
        Reply postMissing = vigil.as(alice).post(Taxii.objects(missing), Taxii.envelope(List.of(Stix.indicator("x"))));
        assertTaxiiError(404, post);
        assertEquals(postMissing.body().replace(missing.toString(), secret.toString()), post.body());
    }

    @Test
    void missingThingsAre404() {
        assertTaxiiError(404, alice().get(Taxii.object(intel, Stix.newId("indicator"))));
        assertTaxiiError(404, alice().get(Taxii.versions(intel, Stix.newId("indicator"))));
        assertTaxiiError(404, alice().delete(Taxii.object(intel, Stix.newId("indicator"))));
        assertTaxiiError(404, alice().get("/nope/"));
        assertTaxiiError(404, alice().get("/api1/collections/not-a-uuid/objects/"));
        assertTaxiiError(404, alice().get("/api1/status/" + UUID.randomUUID() + "/"));
        assertTaxiiError(404, alice().get("/nowhere/at/all/"));
        assertTaxiiError(404, vigil.as(nora).get(Taxii.objects(intel)));
    }

    // 405, 406, 413, 415, 422

    @Test
    void unsupportedMethodIs405() {
        Reply r = Taxii.send(alice().request(Taxii.objects(intel)).PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertTaxiiError(405, r);
    }

    @Test
    void acceptHeaderTheServerCannotSatisfyIs406() {
        for (String accept : List.of("application/json", "text/html", "application/taxii+json;version=2.0",
                "application/stix+json;version=2.1")) {
            assertTaxiiError(406, Taxii.send(alice().request(Taxii.objects(intel)).setHeader("Accept", accept).GET()));
        }
        for (String accept : List.of("application/taxii+json", "application/taxii+json;version=2.1", "*/*",
                "application/json;q=0.5, application/taxii+json;version=2.1")) {
            Reply r = Taxii.send(alice().request(Taxii.objects(intel)).setHeader("Accept", accept).GET());
            assertEquals(200, r.status(), r::toString);
        }
    }

    @Test
    void bodyOverMaxContentLengthIs413WhenDeclared() {
        Reply r = alice().post(Taxii.objects(intel), envelopeOfSize(MAX_CONTENT_LENGTH + 1));
        assertTaxiiError(413, r);
        assertEquals(202, alice().post(Taxii.objects(intel), envelopeOfSize(MAX_CONTENT_LENGTH)).status(),
                "a body of exactly max_content_length is fine");
    }

    @Test
    void bodyOverMaxContentLengthIs413WhenChunked() {
        byte[] body = envelopeOfSize(MAX_CONTENT_LENGTH * 4).getBytes(StandardCharsets.UTF_8);
        Reply r = Taxii.send(alice().request(Taxii.objects(intel)).header("Content-Type", Taxii.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertTaxiiError(413, r);
    }

    /** A valid envelope of exactly {@code size} bytes: indicators, padded with spaces. */
    private static String envelopeOfSize(long size) {
        List<StixObject> objects = new ArrayList<>();
        String envelope = Taxii.envelope(objects);
        while (envelope.length() < size - 400) {
            objects.add(Stix.indicator("padding " + objects.size()));
            envelope = Taxii.envelope(objects);
        }
        return envelope + " ".repeat((int) (size - envelope.length()));
    }

    @Test
    void bodyThatIsNotATaxiiEnvelopeMediaTypeIs415() {
        String body = Taxii.envelope(List.of(Stix.indicator("x")));
        for (String type : List.of("application/json", "application/stix+json;version=2.1",
                "application/taxii+json;version=2.0", "text/plain")) {
            Reply r = Taxii.send(alice().request(Taxii.objects(intel)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertTaxiiError(415, r);
        }
    }

    @Test
    void jsonThatIsNotAnEnvelopeIs422() {
        for (String body : List.of("[]", "{}", "{\"objects\": 5}", "\"objects\"", "{\"more\": false}")) {
            assertTaxiiError(422, alice().post(Taxii.objects(intel), body));
        }
    }

    // 500

    @Test
    void internalFailureIs500WithoutAStackTrace(@TempDir Path elsewhere) {
        try (TestVigil broken = TestVigil.create(StoreKind.SQLITE, elsewhere)) {
            broken.start();
            broken.hub().store.close();
            JsonNode e = assertTaxiiError(500, broken.anonymous().get("/taxii2/"));
            assertFalse(e.path("description").asText().toLowerCase().contains("sql"), e::toString);
        }
    }
}
