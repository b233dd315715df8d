package org.vigil.alerts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Published alerts in the forms the public reads: signed CAP 1.2 messages, the Atom feed and the signing key.
 * Everything is read through the desk, and so through the read path as an anonymous reader.
 */
public final class AlertFormats {

    /** How many entries one page of the feed holds. */
    public static final int FEED_PAGE = 50;

    private final AlertDesk desk;
    private final java.util.function.Supplier<SigningKey> key;
    private final String sender;
    private final String senderName;

    /**
     * @param sender CAP's sender, e.g. alerts@hub.example.org: no spaces, commas, {@code <} or {@code &}
     * @param senderName the name shown to people (CAP senderName, the feed's author)
     */
    public AlertFormats(AlertDesk desk, SigningKey key, String sender, String senderName) {
        this(desk, () -> key, sender, senderName);
    }

    /** With the key loaded (or made) on first use, so that commands that never sign do not pay for it. */
    public AlertFormats(AlertDesk desk, java.util.function.Supplier<SigningKey> key, String sender, String senderName) {
        this.desk = desk;
        SigningKey[] held = new SigningKey[1];
        this.key = () -> {
            synchronized (held) {
                if (held[0] == null) {
                    held[0] = key.get();
                }
                return held[0];
            }
        };
        this.sender = CapMessage.checkSender(sender);
        this.senderName = senderName;
    }

    /** The signed CAP message of a published alert, or nothing when there is no such public alert. */
    public Optional<byte[]> cap(String id, String via) {
        return desk.publishedMessage(id, via).map(a -> CapMessage.signed(a, sentOf(a, via), sender, senderName, key.get()));
    }

    /**
     * The CAP message an alert {@code reader} may see would go out as (read through the desk, so through the read
     * path as that reader), unsigned; a draft is shown as if sent at {@code now}. Nothing when the reader may not
     * see such an alert.
     */
    public Optional<byte[]> preview(org.vigil.access.Principal reader, String id, Instant now, String via) {
        return desk.list(reader, via).stream().filter(a -> a.id().equals(id)).findFirst().map(a -> {
            Alert shown = a.sent() != null ? a : new Alert(a.id(), a.kind(), a.published(), a.level(),
                    a.headline(), a.description(), a.instruction(), a.risks(), a.placeRefs(), a.evidenceRefs(),
                    a.areas(), a.effective(), a.expires(), now, a.replaces(), a.source(), a.created(),
                    a.modified(), a.draftedBy(), a.reviewedBy());
            return CapMessage.unsigned(shown, sentOf(shown, via), sender, senderName);
        });
    }

    private Map<String, Instant> sentOf(Alert a, String via) {
        Map<String, Instant> out = new HashMap<>();
        if (!a.replaces().isEmpty()) {
            desk.published(via).forEach(p -> out.put(p.id(), p.sent()));
        }
        return out;
    }

    /** One page (from 1) of the Atom feed; {@code base} is the hub's URL, without a trailing slash. */
    public byte[] feed(int page, String base, String via) {
        return AtomFeed.page(desk.current(via), page, FEED_PAGE, base, sender, senderName);
    }

    public String signingKeyPem() {
        return key.get().publicPem();
    }
}
