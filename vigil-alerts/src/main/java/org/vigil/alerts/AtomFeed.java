package org.vigil.alerts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The current alerts as an Atom 1.0 feed (RFC 4287), newest first, one entry per advisory linking to its CAP
 * message, split into pages linked first/previous/next/last as RFC 5005 (section 3, paged feeds) describes.
 */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /**
     * One page of the feed.
     *
     * @param alerts every current alert, newest first
     * @param page the page wanted, from 1; beyond the last it is empty
     * @param base the hub's URL without a trailing slash, for absolute links
     */
    static byte[] page(List<Alert> alerts, int page, int pageSize, String base, String sender, String senderName) {
        int pages = Math.max(1, (alerts.size() + pageSize - 1) / pageSize);
        List<Alert> items = alerts.subList(Math.min(alerts.size(), (page - 1) * pageSize),
                Math.min(alerts.size(), page * pageSize));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            text(w, "id", "urn:uuid:" + UUID.nameUUIDFromBytes(("vigil-alerts:" + sender).getBytes(StandardCharsets.UTF_8)));
            text(w, "title", senderName + " travel alerts");
            text(w, "updated", AlertTimes.atom(alerts.isEmpty() ? Instant.EPOCH : alerts.get(0).sent()));
            w.writeStartElement("author");
            text(w, "name", senderName);
            w.writeEndElement();
            String feed = base + "/alerts/feed.atom";
            link(w, "self", feed + (page == 1 ? "" : "?page=" + page), MEDIA_TYPE);
            link(w, "first", feed, MEDIA_TYPE);
            if (page > 1) {
                link(w, "previous", feed + (page == 2 ? "" : "?page=" + (page - 1)), MEDIA_TYPE);
            }
            if (page < pages) {
                link(w, "next", feed + "?page=" + (page + 1), MEDIA_TYPE);
            }
            link(w, "last", feed + (pages == 1 ? "" : "?page=" + pages), MEDIA_TYPE);
            for (Alert a : items) {
                entry(w, a, base);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the alerts feed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter w, Alert a, String base) throws XMLStreamException {
        w.writeStartElement("entry");
        text(w, "id", "urn:uuid:" + a.id().substring(a.id().indexOf("--") + 2));
        String prefix = switch (a.kind()) {
            case ALERT -> "";
            case UPDATE -> "Updated: ";
            case CANCEL -> "";
        };
        text(w, "title", prefix + "Level " + a.level().number() + ": " + a.level().label() + " - " + a.headline());
        text(w, "updated", AlertTimes.atom(a.sent()));
        text(w, "published", AlertTimes.atom(a.sent()));
        text(w, "summary", a.description());
        w.writeEmptyElement("category");
        w.writeAttribute("term", "level-" + a.level().number());
        w.writeAttribute("label", a.level().label());
        link(w, "alternate", base + "/alerts/" + a.id() + ".cap", CapMessage.MEDIA_TYPE);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
