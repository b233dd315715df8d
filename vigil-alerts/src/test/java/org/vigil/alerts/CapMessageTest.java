package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Principal;
import org.w3c.dom.Document;

class CapMessageTest {

    @TempDir
    Path dir;
    AlertHub hub;
    AlertFormats formats;

    @BeforeEach
    void open() {
        hub = new AlertHub(dir);
        formats = new AlertFormats(hub.desk, SigningKey.in(dir), "alerts@vigil.example", "Vigil test hub");
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void everyMessageOfARoundTripValidatesAgainstTheSchemaAndVerifies() throws Exception {
        Alert alert = hub.publish(hub.draft("Paris", "Lyon"));
        Alert update = hub.desk.update(hub.publisher, alert.id(), new AlertDraft(List.of(), 4, null, null, null,
                List.of(), List.of(), null), "t");
        Alert cancel = hub.desk.cancel(hub.publisher, update.id(), "Calm again, & safe <now>", "t");

        Document a = CapChecks.check(formats.cap(alert.id(), "t").orElseThrow(), formats.signingKeyPem());
        assertEquals("Alert", CapChecks.text(a, "msgType"));
        assertEquals("Actual", CapChecks.text(a, "status"));
        assertEquals("Public", CapChecks.text(a, "scope"));
        assertEquals("Security", CapChecks.text(a, "category"));
        assertEquals("Expected", CapChecks.text(a, "urgency"));
        assertEquals("Severe", CapChecks.text(a, "severity"));
        assertEquals("advisoryLevel", CapChecks.text(a, "valueName"));
        assertEquals("3", CapChecks.text(a, "value"));
        assertEquals("Paris", CapChecks.text(a, "areaDesc"));
        assertEquals("48.85660,2.35220 10.0", CapChecks.text(a, "circle"));
        assertEquals("FR", CapChecks.first(a, "geocode").getElementsByTagNameNS(CapMessage.NS, "value").item(0)
                .getTextContent());
        assertEquals(2, a.getElementsByTagNameNS(CapMessage.NS, "area").getLength());
        assertTrue(CapChecks.text(a, "sent").endsWith("-00:00"));

        Document u = CapChecks.check(formats.cap(update.id(), "t").orElseThrow(), formats.signingKeyPem());
        assertEquals("Update", CapChecks.text(u, "msgType"));
        assertEquals("Extreme", CapChecks.text(u, "severity"));
        assertEquals("alerts@vigil.example," + alert.id() + "," + CapChecks.text(a, "sent"),
                CapChecks.text(u, "references"));

        Document c = CapChecks.check(formats.cap(cancel.id(), "t").orElseThrow(), formats.signingKeyPem());
        assertEquals("Cancel", CapChecks.text(c, "msgType"));
        assertEquals(2, CapChecks.text(c, "references").split(" ").length);
        assertEquals("Calm again, & safe <now>", CapChecks.text(c, "note"));
    }

    @Test
    void aChangedMessageNoLongerVerifies() throws Exception {
        Alert alert = hub.publish(hub.draft("Paris"));
        String cap = new String(formats.cap(alert.id(), "t").orElseThrow(), StandardCharsets.UTF_8);
        byte[] forged = cap.replace("<value>3</value>", "<value>1</value>").getBytes(StandardCharsets.UTF_8);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(forged));
        assertFalse(CapChecks.verifies(doc, CapChecks.publicKey(formats.signingKeyPem())));
    }

    @Test
    void draftsHaveNoCapMessage() {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris"), "t");
        assertTrue(formats.cap(draft.id(), "t").isEmpty());
    }

    @Test
    void aDraftsAuthorPreviewsItsCapUnsignedAndOthersCannot() throws Exception {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris"), "t");
        java.time.Instant now = java.time.Instant.parse("2026-03-01T10:00:00Z");
        byte[] preview = formats.preview(hub.analyst, draft.id(), now, "t").orElseThrow();
        CapChecks.schema().newValidator().validate(new javax.xml.transform.stream.StreamSource(
                new java.io.ByteArrayInputStream(preview)));
        String xml = new String(preview, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<identifier>" + draft.id() + "</identifier>"), xml);
        assertTrue(xml.contains("<sent>2026-03-01T10:00:00-00:00</sent>"), xml);
        assertTrue(xml.contains("<areaDesc>Paris</areaDesc>"), xml);
        assertFalse(xml.contains("Signature"), "a preview is not signed");
        assertTrue(formats.preview(Principal.anonymous(), draft.id(), now, "t").isEmpty(),
                "nobody signed in sees a draft");
        assertTrue(formats.cap(draft.id(), "t").isEmpty(), "and the public CAP still has no draft");
    }

    @Test
    void refusesASenderCapForbids() {
        assertThrows(IllegalArgumentException.class,
                () -> new AlertFormats(hub.desk, SigningKey.in(dir), "vigil hub, paris", "x"));
    }

    @Test
    void theSigningKeyIsKeptAcrossRestarts() {
        assertEquals(SigningKey.in(dir).publicPem(), SigningKey.in(dir).publicPem());
    }
}
