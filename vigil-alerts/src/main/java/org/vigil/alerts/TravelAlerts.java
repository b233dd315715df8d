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
    private final AlertFormats formats;
    private final Webhooks webhooks;
    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;

    /**
     * @param dataDir where the signing key is kept ({@value SigningKey#FILE}), made on first use
     * @param sender CAP's sender (setting alerts.sender)
     * @param senderName the hub's name as people see it
     */
    public TravelAlerts(ReadPath reads, WritePath writes, Store store, String apiRoot, Path dataDir, String sender,
                        String senderName) {
        this.desk = new AlertDesk(reads, writes, store, apiRoot, Clock.systemUTC());
        this.formats = new AlertFormats(desk, () -> SigningKey.in(dataDir), sender, senderName);
        this.webhooks = new Webhooks(reads, store, apiRoot, Clock.systemUTC());
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** Starts delivering webhook notifications in the background; close it to stop. */
    public WebhookDeliverer startDeliveries(java.time.Duration poll) {
        return new WebhookDeliverer(reads, store, apiRoot, Clock.systemUTC(), poll);
    }

    public AlertDesk desk() {
        return desk;
    }

    public AlertFormats formats() {
        return formats;
    }

    /** The documents under /alerts/ and the operations under /api/v1/alerts. */
    public ApiModule api() {
        return new AlertsApi(desk, formats, new LiveStream(reads, store, apiRoot, Clock.systemUTC()));
    }
}
