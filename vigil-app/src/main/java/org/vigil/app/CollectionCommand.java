package org.vigil.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.UUID;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.User;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil collection}: TAXII collections and who may read and write them. */
@Command(name = "collection", mixinStandardHelpOptions = true, description = "Manage collections and grants.",
        subcommands = {CollectionCommand.Add.class, CollectionCommand.List.class, CollectionCommand.GrantAccess.class,
                       CollectionCommand.RevokeAccess.class, CollectionCommand.Set.class})
final class CollectionCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a collection.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "TITLE")
        String title;

        @Option(names = "--id", paramLabel = "UUID", description = "The collection id (default: a new random one).")
        UUID id;

        @Option(names = "--alias", paramLabel = "A", description = "A short unique name.")
        String alias;

        @Option(names = "--read", split = ",", paramLabel = "USER", description = "Users who may read it.")
        java.util.List<String> readers = new ArrayList<>();

        @Option(names = "--write", split = ",", paramLabel = "USER", description = "Users who may write to it.")
        java.util.List<String> writers = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                java.util.List<User> r = users(hub, readers);
                java.util.List<User> w = users(hub, writers);
                Collection c = hub.admin.addCollection(hub.cli("collection add"), id, title, null, alias);
                for (User u : r) {
                    hub.admin.grant(hub.cli("collection grant"), c, u, true, false);
                }
                for (User u : w) {
                    hub.admin.grant(hub.cli("collection grant"), c, u, false, true);
                }
                out.println(c.id());
                return 0;
            }
        }
    }

    static java.util.List<User> users(Installation hub, java.util.List<String> names) {
        java.util.List<User> out = new ArrayList<>();
        for (String n : names) {
            out.add(user(hub, n.trim()));
        }
        return out;
    }

    static User user(Installation hub, String name) {
        return hub.store.userByName(name).orElseThrow(() -> new Settings.SettingsException("no user '" + name
                + "'; add it first with: vigil user add " + name));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List collections.")
    static final class List extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                for (Collection c : hub.store.collections(Installation.API_ROOT)) {
                    out.println(c.id() + "\t" + c.title() + "\t" + (c.alias() == null ? "-" : c.alias())
                            + "\t" + (c.isPublic() ? "public" : "private") + "\tdefault " + label(c.defaultMarking()));
                }
                return 0;
            }
        }
    }

    /** A user's right to read or write a collection, given or taken: the arguments and their checks, once. */
    abstract static class AccessChange extends AdminCommand {
        @Parameters(index = "0", paramLabel = "COLLECTION", description = "Id, alias or title.")
        String collection;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Parameters(index = "2", paramLabel = "read|write")
        String right;

        @Override
        public Integer call() {
            boolean write = switch (right) {
                case "read" -> false;
                case "write" -> true;
                default -> throw new Settings.SettingsException("the right must be read or write, not '" + right + "'");
            };
            try (Installation hub = open()) {
                Collection c = hub.collection(collection);
                User u = user(hub, user);
                out().println(change(hub, c, u, write));
                return 0;
            }
        }

        /** Makes the change and says what it did. */
        abstract String change(Installation hub, Collection c, User u, boolean write);
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Let a user read or write a collection.")
    static final class GrantAccess extends AccessChange {
        @Override
        String change(Installation hub, Collection c, User u, boolean write) {
            hub.admin.grant(hub.cli("collection grant"), c, u, !write, write);
            return u.name() + " may now " + right + " " + c.title();
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Take away a user's right to read or write a collection.")
    static final class RevokeAccess extends AccessChange {
        @Override
        String change(Installation hub, Collection c, User u, boolean write) {
            hub.admin.revoke(hub.cli("collection revoke"), c, u, !write, write);
            return u.name() + " may no longer " + right + " " + c.title();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a collection's sharing settings.")
    static final class Set extends AdminCommand {
        @Parameters(paramLabel = "COLLECTION", description = "Id, alias or title.")
        String collection;

        @ArgGroup(exclusive = true)
        Visibility visibility;

        static final class Visibility {
            @Option(names = "--public", description = "Anonymous readers may read it (they see TLP:CLEAR only).")
            boolean isPublic;

            @Option(names = "--private", description = "Only users with a grant may read it.")
            boolean isPrivate;
        }

        @Option(names = "--default-marking", paramLabel = "LEVEL",
                description = "TLP level of objects without a TLP marking: clear, green, amber, amber+strict, red.")
        String marking;

        @Override
        public Integer call() {
            PrintWriter out = out();
            if (visibility == null && marking == null) {
                throw new Settings.SettingsException("say what to change: --public, --private or --default-marking LEVEL");
            }
            try (Installation hub = open()) {
                Collection c = hub.collection(collection);
                if (visibility != null) {
                    c = c.withPublic(visibility.isPublic);
                }
                if (marking != null) {
                    c = c.withDefaultMarking(level(marking));
                }
                hub.store.putCollection(c);
                hub.noteAdmin("collection set", c.id() + (c.isPublic() ? " public" : " private") + " default "
                        + label(c.defaultMarking()));
                out.println(c.title() + ": " + (c.isPublic() ? "public" : "private") + ", default marking "
                        + label(c.defaultMarking()));
                return 0;
            }
        }
    }

    static Tlp level(String s) {
        String norm = s.trim().toLowerCase().replace("tlp:", "");
        for (Tlp t : Tlp.values()) {
            if (t.label().equals(norm)) {
                return t;
            }
        }
        throw new Settings.SettingsException("unknown TLP level '" + s + "'; use clear, green, amber, amber+strict or red");
    }

    static String label(Tlp t) {
        return "TLP:" + t.label().toUpperCase();
    }
}
