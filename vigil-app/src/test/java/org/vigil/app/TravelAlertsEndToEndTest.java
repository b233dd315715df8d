package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.stix.StixObject;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Travel alerts as an operator and the public meet them: drafted and published at the command line and over
 * /api/v1/alerts, served anonymously as signed CAP 1.2 and Atom, and received by TAXII partners as STIX.
 */
class TravelAlertsEndToEndTest {

    private static final Path XSD = Path.of("..").resolve("../shared/data/cap/CAP-v1.2.xsd");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void draftPublishUpdateCancelAtTheCommandLineAndServeSignedCapAndAtom(StoreKind kind) throws Exception {
        try (TestVigil vigil = TestVigil.create(kind, dir.resolve("data"))) {
            vigil.org("Agency", true);
            TestVigil.Account analyst = vigil.user("ana", "Agency", "analyst");
            TestVigil.Account pub = vigil.user("pub", "Agency", "analyst");
            vigil.cli("user", "set", "pub", "--publisher").ok();
            UUID places = vigil.collection("Places", "places");
            vigil.cli("collection", "set", places.toString(), "--public", "--default-marking", "clear").ok();
            vigil.grant(places, analyst, "write");
            vigil.start();
            String paris = "location--" + UUID.randomUUID();
            StixObject location = StixObject.builder("location", paris).put("created", "2026-12-01T00:00:00.000Z")
                    .put("modified", "2026-12-01T00:00:00.000Z").put("name", "Paris").put("latitude", 48.8566)
                    .put("longitude", 2.3522).put("country", "FR").build();
            assertEquals(202, vigil.as(analyst).add(places, location).status());

            TestVigil.Run refused = vigil.cli("alert", "publish", "nothing", "--user", "ana");
            assertEquals(2, refused.code());
            String draft = lastLine(vigil.cli("alert", "draft", "--user", "ana", "--place", "Paris", "--level", "3",
                    "--headline", "Protests near the stadium", "--description", "Large demonstrations are planned.",
                    "--risk", "unrest", "--expires", "P7D").ok());
            TestVigil.Run notPublisher = vigil.cli("alert", "publish", draft, "--user", "ana");
            assertEquals(2, notPublisher.code());
            assertTrue(notPublisher.err().contains("--publisher"), notPublisher.err());
            TestVigil.Run unreviewed = vigil.cli("alert", "publish", draft, "--user", "pub");
            assertEquals(2, unreviewed.code());
            assertTrue(unreviewed.err().contains("vigil alert review " + draft), unreviewed.err());
            TestVigil.Run ownDraft = vigil.cli("alert", "review", draft, "--user", "ana");
            assertEquals(2, ownDraft.code());
            assertTrue(ownDraft.err().contains("four-eyes"), ownDraft.err());
            assertTrue(vigil.cli("alert", "list", "--user", "ana").ok().contains("\tdraft (by ana, awaiting review)\t"));
            assertEquals(draft, lastLine(vigil.cli("alert", "review", draft, "--user", "pub").ok()));
            assertTrue(vigil.cli("alert", "list", "--user", "ana").ok().contains("\treviewed (by pub; drafted by ana)\t"));
            assertEquals(draft, lastLine(vigil.cli("alert", "publish", draft, "--user", "pub").ok()));
            String update = lastLine(vigil.cli("alert", "update", draft, "--user", "pub", "--level", "4").ok());
            String cancel = lastLine(vigil.cli("alert", "cancel", update, "--user", "pub", "--reason", "Over.").ok());
            assertEquals(3, vigil.cli("alert", "list").ok().lines().count());

            String pem = get(vigil.base(), "/alerts/signing-key.pem").body();
            for (String id : List.of(draft, update, cancel)) {
                HttpResponse<String> cap = get(vigil.base(), "/alerts/" + id + ".cap");
                assertEquals(200, cap.statusCode());
                assertEquals("application/cap+xml", cap.headers().firstValue("Content-Type").orElse("")
                        .split(";")[0]);
                validateAndVerify(cap.body(), pem);
            }
            assertEquals(404, get(vigil.base(), "/alerts/" + UUID.randomUUID() + ".cap").statusCode());

            HttpResponse<String> atom = get(vigil.base(), "/alerts/feed.atom");
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom.body().getBytes())));
            assertEquals(1, feed.getEntries().size(), "the cancellation replaces the advisory in the feed");
            assertEquals(vigil.base() + "/alerts/" + cancel + ".cap", feed.getEntries().get(0).getLinks().get(0)
                    .getHref());

            Taxii.Reply stix = vigil.anonymous().get(Taxii.objects(
                    UUID.nameUUIDFromBytes("vigil:travel-alerts".getBytes())), "match[type]", "vigil-travel-alert");
            assertEquals(3, stix.ids().size(), "TAXII partners, anonymous ones included, receive every message");
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = "SQLITE")
    void theRestApiDraftsAndPublishesAndRefusesRestrictedPlacesWithoutNamingThem(StoreKind kind) throws Exception {
        try (TestVigil vigil = TestVigil.create(kind, dir.resolve("data"))) {
            vigil.org("Agency", true);
            TestVigil.Account pub = vigil.user("pub", "Agency", "analyst");
            vigil.cli("user", "set", "pub", "--publisher").ok();
            UUID secret = vigil.collection("Secret places", "secret");
            vigil.grant(secret, pub, "write");
            vigil.grant(secret, pub, "read");
            vigil.start();
            String hideout = "location--" + UUID.randomUUID();
            vigil.as(pub).add(secret, StixObject.builder("location", hideout).put("created", "2026-12-01T00:00:00.000Z")
                    .put("modified", "2026-12-01T00:00:00.000Z").put("name", "Hideout").put("latitude", 1.5)
                    .put("longitude", 2.5).build());
            HttpResponse<String> refused = post(vigil.base(), "/api/v1/alerts", pub, "{\"places\": [\"" + hideout
                    + "\"], \"level\": 2, \"headline\": \"h\", \"description\": \"d\"}");
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("is not public"), refused.body());
            assertTrue(!refused.body().contains("Hideout") && !refused.body().contains("AMBER"), refused.body());
            assertEquals(401, post(vigil.base(), "/api/v1/alerts", null, "{}").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = "SQLITE")
    void theRestApiReviewsADraftWithFourEyesBeforePublishing(StoreKind kind) throws Exception {
        try (TestVigil vigil = TestVigil.create(kind, dir.resolve("data"))) {
            vigil.org("Agency", true);
            TestVigil.Account pub = vigil.user("pub", "Agency", "analyst");
            TestVigil.Account rev = vigil.user("rev", "Agency", "analyst");
            vigil.cli("user", "set", "pub", "--publisher").ok();
            UUID places = vigil.collection("Places", "places");
            vigil.cli("collection", "set", places.toString(), "--public", "--default-marking", "clear").ok();
            vigil.grant(places, pub, "write");
            vigil.start();
            String paris = "location--" + UUID.randomUUID();
            vigil.as(pub).add(places, StixObject.builder("location", paris).put("created", "2026-12-01T00:00:00.000Z")
                    .put("modified", "2026-12-01T00:00:00.000Z").put("name", "Paris").put("latitude", 48.8)
                    .put("longitude", 2.3).put("country", "FR").build());
            HttpResponse<String> drafted = post(vigil.base(), "/api/v1/alerts", pub, "{\"places\": [\"" + paris
                    + "\"], \"level\": 2, \"headline\": \"h\", \"description\": \"d\"}");
            assertEquals(201, drafted.statusCode(), drafted.body());
            var draft = Taxii.JSON.readTree(drafted.body());
            String id = draft.path("id").asText();
            assertEquals("draft", draft.path("status").asText());
            assertEquals("pub", draft.path("drafted_by").asText());

            HttpResponse<String> early = post(vigil.base(), "/api/v1/alerts/" + id + "/publish", pub, "{}");
            assertEquals(409, early.statusCode(), early.body());
            HttpResponse<String> own = post(vigil.base(), "/api/v1/alerts/" + id + "/review", pub, "{}");
            assertEquals(403, own.statusCode(), own.body());
            assertTrue(own.body().contains("four-eyes"), own.body());
            HttpResponse<String> reviewed = post(vigil.base(), "/api/v1/alerts/" + id + "/review", rev, "{}");
            assertEquals(200, reviewed.statusCode(), reviewed.body());
            assertEquals("reviewed", Taxii.JSON.readTree(reviewed.body()).path("status").asText());

            HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(vigil.base().resolve("/api/v1/alerts"))
                    .header("Authorization", rev.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
            var listed = Taxii.JSON.readTree(list.body()).path("alerts").get(0);
            assertEquals("reviewed", listed.path("status").asText(), list.body());
            assertEquals("rev", listed.path("reviewed_by").asText(), list.body());

            HttpResponse<String> published = post(vigil.base(), "/api/v1/alerts/" + id + "/publish", pub, "{}");
            assertEquals(200, published.statusCode(), published.body());
            assertEquals("published", Taxii.JSON.readTree(published.body()).path("status").asText());
            assertEquals(409, post(vigil.base(), "/api/v1/alerts/" + id + "/review", rev, "{}").statusCode());
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI base, String path, TestVigil.Account as, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (as != null) {
            b.header("Authorization", as.bearer());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void validateAndVerify(String cap, String pem) throws Exception {
        assumeTrue(Files.exists(XSD), "the CAP schema is not at " + XSD.toAbsolutePath());
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile()).newValidator()
                .validate(new StreamSource(new java.io.StringReader(cap)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(cap.getBytes("UTF-8")));
        Node sig = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(b64)));
        DOMValidateContext ctx = new DOMValidateContext(key, sig);
        assertTrue(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx),
                "the CAP signature verifies under /alerts/signing-key.pem");
    }
}
