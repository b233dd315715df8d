package org.vigil.alerts;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One alert as a CAP 1.2 message, signed with an enveloped XML signature (RSA-SHA256, exclusive canonicalisation,
 * the public key in KeyInfo) as the last child of {@code alert}, where the schema allows XML-DSig elements.
 * Beyond the schema it follows the specification's rules: identifiers without spaces, commas or {@code <} and
 * {@code &}; times in seconds with a zone, UTC written {@code -00:00}; references as sender,identifier,sent.
 */
final class CapMessage {

    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String MEDIA_TYPE = "application/cap+xml";
    private static final Pattern RESTRICTED = Pattern.compile("[\\s,<&]");

    private CapMessage() {
    }

    /** Refuses a sender CAP would not accept, naming what to change. */
    static String checkSender(String sender) {
        if (sender == null || sender.isEmpty() || RESTRICTED.matcher(sender).find()) {
            throw new IllegalArgumentException("the CAP sender '" + sender + "' (setting alerts.sender) must be "
                    + "non-empty without spaces, commas, < or &, e.g. alerts@hub.example.org");
        }
        return sender;
    }

    /**
     * The signed message.
     *
     * @param sentOf when each message this one replaces was sent, by id
     */
    static byte[] signed(Alert alert, Map<String, java.time.Instant> sentOf, String sender, String senderName,
                         SigningKey key) {
        try {
            Document doc = document(alert, sentOf, sender, senderName);
            sign(doc, key);
            return serialise(doc);
        } catch (ParserConfigurationException | TransformerException | GeneralSecurityException | MarshalException
                 | XMLSignatureException e) {
            throw new IllegalStateException("cannot write CAP for " + alert.id() + ": " + e.getMessage(), e);
        }
    }

    /** The message unsigned, for its author to read before publishing (a draft has no signature yet). */
    static byte[] unsigned(Alert alert, Map<String, java.time.Instant> sentOf, String sender, String senderName) {
        try {
            return serialise(document(alert, sentOf, sender, senderName));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write CAP for " + alert.id() + ": " + e.getMessage(), e);
        }
    }

    private static Document document(Alert a, Map<String, java.time.Instant> sentOf, String sender,
                                     String senderName) throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(NS, "alert");
        // Declared as an attribute, as a parser would see it, so that what is signed is what receivers read.
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NS);
        doc.appendChild(root);
        add(root, "identifier", checkIdentifier(a.id()));
        add(root, "sender", checkSender(sender));
        add(root, "sent", AlertTimes.cap(a.sent()));
        add(root, "status", "Actual");
        add(root, "msgType", a.kind().cap());
        add(root, "scope", "Public");
        if (a.kind() == Alert.Kind.CANCEL) {
            add(root, "note", a.description());
        }
        if (!a.replaces().isEmpty()) {
            add(root, "references", references(a.replaces(), sentOf, sender));
        }
        info(root, a, senderName);
        return doc;
    }

    private static void info(Element root, Alert a, String senderName) {
        boolean cancel = a.kind() == Alert.Kind.CANCEL;
        Element info = add(root, "info", null);
        add(info, "language", "en-US");
        add(info, "category", "Security");
        add(info, "event", "Travel advisory");
        add(info, "responseType", cancel ? "AllClear" : a.level().response());
        add(info, "urgency", cancel ? "Past" : a.level().urgency());
        add(info, "severity", cancel ? "Minor" : a.level().severity());
        add(info, "certainty", cancel ? "Observed" : a.level().certainty());
        add(info, "effective", AlertTimes.cap(a.effective()));
        add(info, "expires", AlertTimes.cap(a.expires()));
        add(info, "senderName", senderName);
        add(info, "headline", a.headline());
        add(info, "description", a.description());
        if (a.instruction() != null) {
            add(info, "instruction", a.instruction());
        }
        parameter(info, "advisoryLevel", Integer.toString(a.level().number()));
        parameter(info, "advisoryLevelName", a.level().label());
        for (String risk : a.risks()) {
            parameter(info, "risk", risk);
        }
        for (Area area : a.areas()) {
            Element el = add(info, "area", null);
            add(el, "areaDesc", area.name());
            if (area.hasPoint()) {
                add(el, "circle", String.format(Locale.ROOT, "%.5f,%.5f %.1f", area.latitude(), area.longitude(),
                        area.radiusKm()));
            }
            if (area.country() != null) {
                Element geocode = add(el, "geocode", null);
                add(geocode, "valueName", "ISO3166-1-alpha-2");
                add(geocode, "value", area.country());
            }
        }
    }

    private static String references(List<String> ids, Map<String, java.time.Instant> sentOf, String sender) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            java.time.Instant sent = sentOf.get(id);
            if (sent == null) {
                continue; // not published (it cannot be: replacing needs a published message), so not referable
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(sender).append(',').append(checkIdentifier(id)).append(',').append(AlertTimes.cap(sent));
        }
        return out.toString();
    }

    private static String checkIdentifier(String id) {
        if (RESTRICTED.matcher(id).find()) {
            throw new IllegalStateException("the identifier '" + id + "' holds a character CAP forbids");
        }
        return id;
    }

    private static void parameter(Element info, String name, String value) {
        Element p = add(info, "parameter", null);
        add(p, "valueName", name);
        add(p, "value", value);
    }

    private static Element add(Element parent, String name, String text) {
        Element el = parent.getOwnerDocument().createElementNS(NS, name);
        if (text != null) {
            el.setTextContent(text);
        }
        parent.appendChild(el);
        return el;
    }

    private static void sign(Document doc, SigningKey key) throws GeneralSecurityException, MarshalException,
            XMLSignatureException {
        XMLSignatureFactory xml = XMLSignatureFactory.getInstance("DOM");
        Reference ref = xml.newReference("", xml.newDigestMethod(DigestMethod.SHA256, null),
                List.of(xml.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        xml.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        SignedInfo signedInfo = xml.newSignedInfo(
                xml.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                xml.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
        KeyInfoFactory kif = xml.getKeyInfoFactory();
        KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newKeyValue(key.publicKey())));
        DOMSignContext context = new DOMSignContext(key.privateKey(), doc.getDocumentElement());
        context.setDefaultNamespacePrefix("ds");
        XMLSignature signature = xml.newXMLSignature(signedInfo, keyInfo);
        signature.sign(context);
    }

    private static byte[] serialise(Document doc) throws TransformerException {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        var t = tf.newTransformer();
        // No indentation: whitespace added after signing would break the signature.
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
