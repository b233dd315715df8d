package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TravellerMailTest {

    private static final Pattern CONFIRM = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)");

    @TempDir
    Path dir;
    AlertHub hub;
    GreenMail smtp;
    TravellerMail mail;

    @BeforeEach
    void open() {
        hub = new AlertHub(dir);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mail = new TravellerMail(hub.reads, hub.store, AlertHub.ROOT, new MailSettings("127.0.0.1",
                smtp.getSmtp().getPort(), "alerts@vigil.example", "https://hub.example/"), Clock.systemUTC());
        mail.deliver(); // the mailer's first pass starts its position at now, as vigil serve's does
    }

    @AfterEach
    void close() {
        smtp.stop();
        hub.close();
    }

    private List<MimeMessage> to(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private String confirmToken(String address) throws Exception {
        Matcher m = CONFIRM.matcher(GreenMailUtil.getBody(to(address).get(0)));
        assertTrue(m.find(), "the confirmation carries a link");
        return m.group(1);
    }

    private Alert publish(String place) {
        return hub.publish(hub.draft(place));
    }

    @Test
    void onlyConfirmedSubscribersOfThePlaceGetAlertsEachWithAOneClickUnsubscribe() throws Exception {
        mail.subscribe("traveller@example.org", List.of(hub.paris));
        mail.subscribe("lazy@example.org", List.of());
        mail.subscribe("lyon@example.org", List.of(hub.lyon));
        assertEquals(1, to("traveller@example.org").size(), "a confirmation, and nothing else yet");
        assertTrue(mail.confirm(confirmToken("traveller@example.org")));
        assertTrue(mail.confirm(confirmToken("lyon@example.org")));

        Alert paris = publish("Paris");
        mail.deliver();
        List<MimeMessage> got = to("traveller@example.org");
        assertEquals(2, got.size());
        MimeMessage alert = got.get(1);
        assertTrue(alert.getSubject().startsWith("Level 3 (Reconsider travel): "), alert.getSubject());
        assertTrue(GreenMailUtil.getBody(alert).contains("/alerts/" + paris.id() + ".cap"));
        String unsubscribe = alert.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.startsWith("<https://hub.example/api/v1/alerts/subscriptions/unsubscribe?token="),
                unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", alert.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals(1, to("lazy@example.org").size(), "unconfirmed: the confirmation only");
        assertEquals(1, to("lyon@example.org").size(), "another place: nothing");

        mail.deliver();
        assertEquals(2, to("traveller@example.org").size(), "each alert goes out once");

        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);
        assertTrue(mail.unsubscribe(token));
        hub.desk.cancel(hub.publisher, paris.id(), null, "t");
        mail.deliver();
        assertEquals(2, to("traveller@example.org").size(), "nothing after unsubscribing");
    }

    @Test
    void twoServersSharingTheStoreMailEachAlertOnce() throws Exception {
        TravellerMail other = new TravellerMail(hub.reads, hub.store, AlertHub.ROOT, new MailSettings("127.0.0.1",
                smtp.getSmtp().getPort(), "alerts@vigil.example", "https://hub.example/"), Clock.systemUTC());
        mail.subscribe("traveller@example.org", List.of(hub.paris));
        assertTrue(mail.confirm(confirmToken("traveller@example.org")));
        publish("Paris");
        publish("Paris");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> passes = new java.util.ArrayList<>();
        for (TravellerMail m : List.of(mail, other)) {
            passes.add(both.submit(() -> {
                together.await();
                m.deliver();
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> p : passes) {
            p.get();
        }
        both.shutdown();
        mail.deliver();
        other.deliver();
        assertEquals(3, to("traveller@example.org").size(), "the confirmation and each alert once");
    }

    @Test
    void refusesPlacesThePublicMayNotSeeAndAddressesThatAreNotAddresses() {
        assertThrows(AlertRefusal.class, () -> mail.subscribe("t@example.org", List.of(hub.safehouse)));
        assertThrows(AlertRefusal.class, () -> mail.subscribe("not an address", List.of()));
    }
}
