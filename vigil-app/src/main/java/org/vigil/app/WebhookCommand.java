package org.vigil.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.UUID;
import org.vigil.access.Principal;
import org.vigil.alerts.AlertRefusal;
import org.vigil.alerts.Webhooks;
import org.vigil.store.User;
import org.vigil.store.Webhook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil webhook}: notifications pushed to partner systems, each subscription acting as its user. */
@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Manage webhook subscriptions.",
        subcommands = {WebhookCommand.Add.class, WebhookCommand.List.class, WebhookCommand.Remove.class})
final class WebhookCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Subscribe a URL; prints the signing secret (whsec_...) once, on the last line.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "URL")
        String url;

        @Option(names = "--user", paramLabel = "U", required = true, description = "The user it acts as: it carries only what they may see.")
        String user;

        @Option(names = "--collection", paramLabel = "C", description = "Id, alias or title of a collection to watch; repeatable (default: every collection the user may read).")
        java.util.List<String> collections = new ArrayList<>();

        @Option(names = "--type", paramLabel = "T", description = "A STIX type to carry; repeatable (default: all).")
        java.util.List<String> types = new ArrayList<>();

        @Option(names = "--place", paramLabel = "P", description = "A location id: carry only objects that name it; repeatable.")
        java.util.List<String> places = new ArrayList<>();

        @Option(names = "--event", paramLabel = "E", description = "object.added, alert.published, uptick.flagged (an uptick the user may see, once its UTC day has closed) or watchlist.hit (a new individual matched a person of interest the user may see); repeatable (default: object.added).")
        java.util.List<String> events = new ArrayList<>();

        @Override
        public Integer call() {
            try (Installation hub = open()) {
                Principal p = hub.principal(user);
                Webhooks webhooks = hub.alerts.webhooks();
                java.util.List<UUID> ids = new ArrayList<>();
                for (String c : collections) {
                    ids.add(webhooks.collection(c).orElseThrow(() -> new Settings.SettingsException("no collection '"
                            + c + "'; see vigil collection list")));
                }
                Webhooks.Added added;
                try {
                    added = webhooks.add(p, url, ids, types, places, events);
                } catch (AlertRefusal r) {
                    throw new Settings.SettingsException(r.getMessage());
                }
                hub.noteAdmin("webhook add", added.webhook().id() + " " + url + " as " + user);
                err().println("webhook " + added.webhook().id() + " added for " + user + "; signing secret (shown once):");
                out().println(added.secret());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List webhook subscriptions.")
    static final class List extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                for (Webhook w : hub.alerts.webhooks().list()) {
                    String user = hub.store.user(w.userId()).map(User::name).orElse("?");
                    out.println(w.id() + "\t" + user + "\t" + w.url() + "\t" + String.join(",", w.events()) + "\t"
                            + (w.failing() ? "failing: " + w.lastError()
                            : w.failures() > 0 ? w.failures() + " failures, last: " + w.lastError() : "ok"));
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a webhook subscription.")
    static final class Remove extends AdminCommand {
        @Parameters(paramLabel = "ID")
        UUID id;

        @Override
        public Integer call() {
            try (Installation hub = open()) {
                if (!hub.alerts.webhooks().remove(id)) {
                    throw new Settings.SettingsException("no webhook " + id + "; see vigil webhook list");
                }
                hub.noteAdmin("webhook remove", id.toString());
                err().println("webhook " + id + " removed");
                return 0;
            }
        }
    }
}
