package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What every CAP message Vigil produces must pass: the OASIS CAP 1.2 schema, the specification's rules beyond it,
 * and its signature under the published key.
 */
final class CapChecks {

    /** The schema, kept beside the project as ../shared/data/cap/CAP-v1.2.xsd from the project root. */
    static final Path XSD = Path.of("..").resolve("../shared/data/cap/CAP-v1.2.xsd");
    private static final Pattern CAP_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static final Pattern REFERENCE = Pattern.compile("[^\\s,<&]+,[^\\s,<&]+,"
            + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static Schema schema;

    private CapChecks() {
    }

    static synchronized Schema schema() throws Exception {
        assumeTrue(Files.exists(XSD), "the CAP 1.2 schema is not at " + XSD.toAbsolutePath() + "; skipping");
        if (schema == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = f.newSchema(XSD.toFile());
        }
        return schema;
    }

    /** Validates, checks the rules beyond the schema and the signature; returns the parsed document. */
    static Document check(byte[] cap, String pem) throws Exception {
        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(cap)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(cap));
        for (String name : new String[] {"identifier", "sender"}) {
            String v = text(doc, name);
            assertTrue(v.matches("[^\\s,<&]+"), name + " holds a character CAP forbids: " + v);
        }
        for (String name : new String[] {"sent", "effective", "expires"}) {
            String v = text(doc, name);
            assertTrue(CAP_TIME.matcher(v).matches(), name + " is not a CAP time with a zone: " + v);
        }
        NodeList refs = doc.getElementsByTagNameNS(CapMessage.NS, "references");
        if (refs.getLength() > 0) {
            for (String ref : refs.item(0).getTextContent().split(" ")) {
                assertTrue(REFERENCE.matcher(ref).matches(), "reference not in sender,identifier,sent form: " + ref);
            }
        }
        assertTrue(verifies(doc, publicKey(pem)), "the signature does not verify under the published key");
        return doc;
    }

    static boolean verifies(Document doc, PublicKey key) throws Exception {
        NodeList sigs = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        assertEquals(1, sigs.getLength(), "one enveloped signature");
        assertEquals(doc.getDocumentElement(), sigs.item(0).getParentNode());
        DOMValidateContext ctx = new DOMValidateContext(key, sigs.item(0));
        XMLSignature sig = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
        return sig.validate(ctx);
    }

    static PublicKey publicKey(String pem) throws Exception {
        String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    static String text(Document doc, String name) {
        NodeList n = doc.getElementsByTagNameNS(CapMessage.NS, name);
        assertTrue(n.getLength() > 0, "no " + name);
        return n.item(0).getTextContent();
    }

    static Element first(Document doc, String name) {
        return (Element) doc.getElementsByTagNameNS(CapMessage.NS, name).item(0);
    }
}
