package org.vigil.alerts;

import java.nio.file.Path;
import java.time.Clock;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;
import org.vigil.store.Store;
import org.vigil.taxii.api.ApiModule;

/** Travel alerts as one hub serves them: the workflow, the public formats, and their HTTP operations. */
public final class TravelAlerts {

    private final AlertDesk desk;
    private final AlertSuggestion suggestions;
    private final AlertFormats formats;
    private final Webhooks webhooks;
    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private TravellerMail mail;

    /**
     * @param dataDir where the signing key is kept ({@value SigningKey#FILE}), made on first use
     * @param sender CAP's sender (setting alerts.sender)
     * @param senderName the hub's name as people see it
     */
    public TravelAlerts(ReadPath reads, WritePath writes, Store store, String apiRoot, Path dataDir, String sender,
                        String senderName) {
        this.desk = new AlertDesk(reads, writes, store, apiRoot, Clock.systemUTC());
        this.suggestions = new AlertSuggestion(new org.vigil.picture.Picture(reads, Clock.systemUTC()));
        this.formats = new AlertFormats(desk, () -> SigningKey.in(dataDir), sender, senderName);
        this.webhooks = new Webhooks(reads, store, apiRoot, Clock.systemUTC());
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
    }

    /** Turns on e-mail for travellers through this SMTP server; call before {@link #api()}. */
    public void mailVia(MailSettings settings) {
        this.mail = new TravellerMail(reads, store, apiRoot, settings, Clock.systemUTC());
    }

    /** The e-mail side, when an SMTP server is configured. */
    public java.util.Optional<TravellerMail> mail() {
        return java.util.Optional.ofNullable(mail);
    }

    /**
     * Starts mailing published alerts to confirmed travellers every {@code poll}, if e-mail is on; close it to
     * stop. A pass that fails (the SMTP server is down) is logged and tried again at the next.
     */
    public AutoCloseable startMailing(java.time.Duration poll) {
        if (mail == null) {
            return () -> { };
        }
        java.util.concurrent.ScheduledExecutorService s = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "vigil-alert-mailer");
                    t.setDaemon(true);
                    return t;
                });
        s.scheduleWithFixedDelay(() -> {
            try {
                mail.deliver();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TravelAlerts.class).warn("mailing travel alerts failed; trying "
                        + "again shortly: {}", e.getMessage());
            }
        }, 0, poll.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return s::shutdownNow;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** Starts delivering webhook notifications in the background; close it to stop. */
    public WebhookDeliverer startDeliveries(java.time.Duration poll) {
        return new WebhookDeliverer(reads, store, apiRoot, Clock.systemUTC(), poll);
    }

    /** Drafts suggested from upticks in the threat picture. */
    public AlertSuggestion suggestions() {
        return suggestions;
    }

    public AlertDesk desk() {
        return desk;
    }

    public AlertFormats formats() {
        return formats;
    }

    /** The documents under /alerts/ and the operations under /api/v1/alerts. */
    public ApiModule api() {
        return new AlertsApi(desk, suggestions, formats, new LiveStream(reads, store, apiRoot, Clock.systemUTC()), mail,
                webhooks);
    }
}
