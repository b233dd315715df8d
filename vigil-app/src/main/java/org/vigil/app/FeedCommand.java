package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.vigil.federation.Federation;
import org.vigil.federation.FederationProvenance;
import org.vigil.federation.PassResult;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Feed;
import org.vigil.store.FeedState;
import org.vigil.store.Grant;
import org.vigil.store.Role;
import org.vigil.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil feed}: federation feeds that pull from and push to other TAXII 2.1 servers. */
@Command(name = "feed", mixinStandardHelpOptions = true, description = "Pull from and push to other TAXII 2.1 servers.",
        subcommands = {FeedCommand.Add.class, FeedCommand.Push.class, FeedCommand.Sync.class, FeedCommand.List.class,
                FeedCommand.Remove.class})
final class FeedCommand {

    /** What pull and push feeds are both given. */
    abstract static class FeedOptions extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The feed's name, unique.")
        String name;

        @Option(names = "--url", required = true, paramLabel = "COLLECTION_URL",
                description = "The remote collection, e.g. https://hub.example/api1/collections/ID/")
        String url;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "The local federation account.")
        String user;

        @Option(names = "--remote-user", paramLabel = "R",
                description = "User name at the remote server; without it the secret read from stdin is a bearer token.")
        String remoteUser;

        @Option(names = "--every", paramLabel = "DURATION", description = "How often vigil serve runs it (default PT15M).")
        String every = "PT15M";

        abstract Feed.Direction direction();

        abstract String collectionRef();

        Tlp ceiling() {
            return Federation.DEFAULT_CEILING;
        }

        String addedAfter() {
            return null;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            URI remote = checkedUrl(url);
            Duration period = duration(every);
            String secret = new String(UserCommand.readPassword());
            try (Installation hub = open(); Federation federation = hub.federation()) {
                if (hub.store.feed(name).isPresent()) {
                    throw new Settings.SettingsException("a feed named '" + name + "' already exists; vigil feed remove "
                            + name + " first to change it");
                }
                User account = hub.store.userByName(user).orElseThrow(() -> new Settings.SettingsException(
                        "no user '" + user + "'; add one with vigil user add " + user + " --role federation"));
                if (account.role() != Role.FEDERATION) {
                    throw new Settings.SettingsException("user " + user + " has the role " + account.role().label()
                            + "; feeds run as a federation account (vigil user add NAME --role federation)");
                }
                Collection c = hub.collection(collectionRef());
                Feed feed = new Feed(UUID.randomUUID(), name, direction(), remote.toString(), c.id(), account.id(),
                        remoteUser, federation.secrets().seal(name, secret.isEmpty() ? null : secret), period,
                        ceiling(), addedAfter(), FeedState.NEW);
                hub.store.putFeed(feed);
                String granted = prepare(hub, c, account);
                hub.noteAdmin("feed " + direction().label(), name + " " + remote + " " + c.title() + " as " + user);
                out.println("feed " + name + " added: " + direction().label() + (direction() == Feed.Direction.PULL
                        ? " from " + remote + " into " : " from ") + c.title() + (direction() == Feed.Direction.PUSH
                        ? " to " + remote : "") + " as " + user + ", every " + period
                        + (direction() == Feed.Direction.PULL ? ", ceiling " + CollectionCommand.label(ceiling()) : "")
                        + granted);
                return 0;
            }
        }

        /** Whatever the account needs on the collection; says what was granted. */
        abstract String prepare(Installation hub, Collection c, User account);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a feed that pulls a remote collection into a local one; the remote password or token is read from stdin.")
    static final class Add extends FeedOptions {
        @Option(names = "--into", required = true, paramLabel = "COLLECTION", description = "Local collection: id, alias or title.")
        String into;

        @Option(names = "--ceiling", paramLabel = "LEVEL",
                description = "The most restrictive TLP let in (default amber: RED and AMBER+STRICT are refused).")
        String ceilingLevel;

        @Option(names = "--added-after", paramLabel = "TIME", description = "Start from objects added after this time.")
        String addedAfterTime;

        @Override
        Feed.Direction direction() {
            return Feed.Direction.PULL;
        }

        @Override
        String collectionRef() {
            return into;
        }

        @Override
        Tlp ceiling() {
            return ceilingLevel == null ? Federation.DEFAULT_CEILING : CollectionCommand.level(ceilingLevel);
        }

        @Override
        String addedAfter() {
            if (addedAfterTime == null) {
                return null;
            }
            try {
                java.time.Instant.parse(addedAfterTime);
                return addedAfterTime;
            } catch (DateTimeParseException e) {
                throw new Settings.SettingsException("--added-after " + addedAfterTime + " is not a timestamp; write "
                        + "it as 2026-01-31T00:00:00Z");
            }
        }

        @Override
        String prepare(Installation hub, Collection c, User account) {
            // Objects come in with Vigil's federation provenance extension, whose definition the directory holds.
            hub.store.add(Installation.ORGANISATIONS, java.util.List.of(FederationProvenance.extensionDefinition()));
            Grant g = hub.store.grant(account.id(), c.id()).orElse(new Grant(account.id(), c.id(), false, false));
            if (g.write()) {
                return "";
            }
            hub.store.putGrant(new Grant(account.id(), c.id(), g.read(), true));
            return "; " + account.name() + " may now write to " + c.title();
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Add a feed that pushes a local collection to a remote one, sending only what USER may read.")
    static final class Push extends FeedOptions {
        @Option(names = "--from", required = true, paramLabel = "COLLECTION", description = "Local collection: id, alias or title.")
        String from;

        @Override
        Feed.Direction direction() {
            return Feed.Direction.PUSH;
        }

        @Override
        String collectionRef() {
            return from;
        }

        @Override
        String prepare(Installation hub, Collection c, User account) {
            // What leaves is decided by the account's read grant, so it is the administrator's to give, not ours.
            boolean reads = hub.store.grant(account.id(), c.id()).map(Grant::read).orElse(false) || c.isPublic();
            return reads ? "" : "; note: " + account.name() + " may not read " + c.title()
                    + " yet, so nothing will be sent until vigil collection grant " + c.title() + " " + account.name() + " read";
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Run one pass of a feed now; exit 0 once it is caught up, 1 if the pass failed.")
    static final class Sync extends AdminCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--wait", paramLabel = "DURATION",
                description = "How long to wait while another process runs the feed (default PT5M).")
        String waitFor = "PT5M";

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = out();
            try (Installation hub = open(); Federation federation = hub.federation()) {
                if (hub.store.feed(name).isEmpty()) {
                    throw new Settings.SettingsException("no feed '" + name + "'; see vigil feed list");
                }
                PassResult r;
                try {
                    r = federation.sync(name, duration(waitFor));
                } catch (Federation.FeedBusyException e) {
                    throw new Settings.SettingsException(e.getMessage());
                }
                out.println("feed " + name + ": " + r.stored() + " stored, " + r.duplicates() + " already held, "
                        + r.refused() + " refused, " + r.aboveCeiling() + " above the ceiling"
                        + (r.caughtUp() ? "; caught up" : "; failed: " + r.error()));
                return r.caughtUp() ? 0 : 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List feeds and their state.")
    static final class List extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                for (Feed f : hub.store.feeds()) {
                    FeedState s = f.state();
                    String collection = hub.store.collection(f.collectionId()).map(Collection::title).orElse("?");
                    String user = hub.store.user(f.userId()).map(User::name).orElse("?");
                    out.println(f.name() + "\t" + f.direction().label() + "\t" + f.url() + "\t" + collection + "\tas "
                            + user + "\tevery " + f.every() + (f.direction() == Feed.Direction.PULL ? "\tceiling "
                            + CollectionCommand.label(f.ceiling()) : "") + "\tlast sync "
                            + (s.lastSync() == null ? "never" : s.lastSync()) + "\tcursor "
                            + (s.cursor() == null ? "-" : s.cursor()) + "\tstored " + s.stored() + "\tduplicates "
                            + s.duplicates() + "\trefused " + s.refused() + "\tabove ceiling " + s.aboveCeiling()
                            + (s.lastError() == null ? "" : "\terror " + s.lastError()));
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a feed (the objects it brought stay).")
    static final class Remove extends AdminCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Installation hub = open()) {
                if (!hub.store.removeFeed(name)) {
                    throw new Settings.SettingsException("no feed '" + name + "'; see vigil feed list");
                }
                hub.noteAdmin("feed remove", name);
                out().println("feed " + name + " removed");
                return 0;
            }
        }
    }

    static URI checkedUrl(String url) {
        try {
            URI u = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new Settings.SettingsException("--url " + url + " is not a collection URL (" + e.getMessage()
                    + "); give it as https://host/api-root/collections/ID/");
        }
    }

    static Duration duration(String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                throw new DateTimeParseException("negative", text, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new Settings.SettingsException("'" + text + "' is not a duration; write it as ISO 8601, e.g. PT5M or PT1H");
        }
    }

}
