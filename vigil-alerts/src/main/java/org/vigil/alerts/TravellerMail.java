package org.vigil.alerts;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.store.Collection;
import org.vigil.store.Cursor;
import org.vigil.store.EmailSubscription;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;

/**
 * Travel alerts by e-mail for travellers. Subscribing is double opt-in: the address gets a confirmation link and
 * nothing else until it is followed. Every alert message carries a one-click unsubscribe (RFC 8058:
 * List-Unsubscribe with an https link, and List-Unsubscribe-Post). Published alerts are read as the public reads
 * them, through the read path, from a position kept in the store, so a restart neither loses nor floods messages.
 */
public final class TravellerMail {

    private static final Logger LOG = LoggerFactory.getLogger(TravellerMail.class);
    static final String POSITION = "alert-mailer";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private final MailSettings settings;
    private final Clock clock;
    private final Session session;

    private static final String LEASE = "traveller mail";
    private static final java.time.Duration LEASE_TIME = java.time.Duration.ofMinutes(5);
    /** This mailer among the servers sharing the store. */
    private final String node = "mail-" + UUID.randomUUID();

    public TravellerMail(ReadPath reads, Store store, String apiRoot, MailSettings settings, Clock clock) {
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
        this.settings = settings;
        this.clock = clock;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.smtpHost());
        p.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "15000");
        this.session = Session.getInstance(p);
    }

    /**
     * Asks for a subscription and mails the confirmation link. The answer is the same whether or not the address
     * was already subscribed, so the form tells nobody who subscribes.
     *
     * @param places public location ids; empty for every place
     */
    public void subscribe(String address, List<String> places) {
        InternetAddress to;
        try {
            to = new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new AlertRefusal(400, "'" + address + "' is not an e-mail address");
        }
        for (String place : places) {
            if (PlaceFinder.byId(reads, store, apiRoot, Principal.anonymous(), place, "e-mail subscription")
                    .filter(o -> o.type().equals("location")).isEmpty()) {
                throw new AlertRefusal("no public location " + place + "; give the id of a location in a public "
                        + "collection");
            }
        }
        EmailSubscription s = new EmailSubscription(UUID.randomUUID(), to.getAddress(), Set.copyOf(places), token(),
                false, clock.instant());
        store.putEmailSubscription(s);
        send(to.getAddress(), "Confirm your travel alert subscription",
                "Someone, hopefully you, asked for travel alerts"
                        + (places.isEmpty() ? "" : " about " + places.size() + " place(s)") + " at this address.\n\n"
                        + "To receive them, confirm here:\n" + settings.baseUrl()
                        + "/api/v1/alerts/subscriptions/confirm?token=" + s.token() + "\n\n"
                        + "If it was not you, ignore this message: nothing will be sent.\n", null);
    }

    /** Confirms the subscription a link names; false when there is none. */
    public boolean confirm(String token) {
        Optional<EmailSubscription> s = store.emailSubscriptionByToken(token);
        s.filter(x -> !x.confirmed()).ifPresent(x -> store.putEmailSubscription(x.confirm()));
        return s.isPresent();
    }

    /** Ends the subscription a link names; false when there is none. */
    public boolean unsubscribe(String token) {
        return store.emailSubscriptionByToken(token).map(s -> store.removeEmailSubscription(s.id())).orElse(false);
    }

    /**
     * Mails every alert published since the last pass to its confirmed subscribers, on one server at a time: of
     * several sharing the store, the one holding the lease on this work does the pass.
     */
    public void deliver() {
        store.underLease(LEASE, node, clock.instant().plus(LEASE_TIME), this::pass);
    }

    /**
     * Mails every alert message published since the last pass to the confirmed subscribers whose places it
     * covers, moving the position after each message (a crash may repeat the message being sent, never skip one).
     */
    private void pass() {
        Optional<Collection> c = store.collection(AlertSchema.PUBLISHED);
        if (c.isEmpty()) {
            return;
        }
        Cursor position = store.workPosition(POSITION).orElse(null);
        if (position == null) {
            // The first pass starts from now: travellers are not sent the whole history.
            position = Cursor.afterMicros(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()));
            store.putWorkPosition(POSITION, position);
        }
        CollectionView view = new CollectionView(c.get(), true, false, true);
        ObjectsPage<ReadPath.Dated> page;
        do {
            page = reads.datedObjects(Principal.anonymous(), view, ObjectQuery.in(AlertSchema.PUBLISHED)
                    .types(AlertSchema.TYPE).limit(100).after(position).build(), "e-mail to travellers");
            for (ReadPath.Dated d : page.items()) {
                mail(Alert.fromStix(d.object().object()));
                position = Cursor.afterMicros(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(d.dateAdded())));
                store.putWorkPosition(POSITION, position);
            }
        } while (page.more());
    }

    private void mail(Alert a) {
        for (EmailSubscription s : store.emailSubscriptions()) {
            if (s.confirmed() && (s.places().isEmpty() || !Collections.disjoint(s.places(), a.placeRefs()))) {
                String unsubscribe = settings.baseUrl() + "/api/v1/alerts/subscriptions/unsubscribe?token=" + s.token();
                send(s.address(), subject(a), body(a, unsubscribe), unsubscribe);
            }
        }
    }

    private static String subject(Alert a) {
        return switch (a.kind()) {
            case CANCEL -> a.headline();
            case UPDATE -> "Updated: Level " + a.level().number() + " (" + a.level().label() + "): " + a.headline();
            case ALERT -> "Level " + a.level().number() + " (" + a.level().label() + "): " + a.headline();
        };
    }

    private String body(Alert a, String unsubscribe) {
        StringBuilder b = new StringBuilder();
        b.append(a.headline()).append("\n\n");
        if (a.kind() != Alert.Kind.CANCEL) {
            b.append("Level ").append(a.level().number()).append(": ").append(a.level().label()).append("\n");
        }
        b.append("Places: ").append(a.areas().stream().map(Area::name).collect(Collectors.joining(", "))).append("\n");
        if (!a.risks().isEmpty()) {
            b.append("Risks: ").append(String.join(", ", a.risks())).append("\n");
        }
        b.append("\n").append(a.description()).append("\n");
        if (a.instruction() != null) {
            b.append("\n").append(a.instruction()).append("\n");
        }
        b.append("\nValid until ").append(AlertTimes.atom(a.expires())).append(". The signed CAP message: ")
                .append(settings.baseUrl()).append("/alerts/").append(a.id()).append(".cap\n");
        b.append("\nTo stop these messages: ").append(unsubscribe).append("\n");
        return b.toString();
    }

    private void send(String to, String subject, String text, String unsubscribe) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(settings.from()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            if (unsubscribe != null) {
                m.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            Transport.send(m);
        } catch (MessagingException e) {
            LOG.warn("could not mail {}: {}", to, e.getMessage());
            throw new IllegalStateException("the SMTP server " + settings.smtpHost() + ":" + settings.smtpPort()
                    + " did not take the message to " + to + ": " + e.getMessage(), e);
        }
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
