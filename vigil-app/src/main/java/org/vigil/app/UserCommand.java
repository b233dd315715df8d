package org.vigil.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.vigil.access.Administration;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil user}: accounts, each in one organisation. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.Set.class})
final class UserCommand {

    /** The organisation users join when none is named, made on first use. */
    static final String DEFAULT_ORG = "local";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. Reads the password from the first line of standard input; prints an API token.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "Login name, unique.")
        String name;

        @Option(names = "--org", paramLabel = "ORG", description = "The user's organisation (default: " + DEFAULT_ORG + ").")
        String org;

        @Option(names = "--role", paramLabel = "ROLE", description = "admin, analyst, reader or federation (default: analyst).")
        String role = "analyst";

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            PrintWriter err = err();
            Role r = role(role);
            char[] password = readPassword();
            try (Installation hub = open()) {
                Organisation organisation = organisation(hub);
                Administration.NewUser added = hub.admin.addUser(hub.cli("user add"), name, organisation, r, password);
                err.println("user " + name + " added to " + organisation.name() + " as " + r.label()
                        + "; API token (shown once):");
                out.println(added.token().secret());
                return 0;
            }
        }

        private Organisation organisation(Installation hub) {
            if (org == null) {
                return hub.organisation(DEFAULT_ORG).orElseGet(() -> hub.addOrganisation(DEFAULT_ORG, true));
            }
            return hub.organisation(org).orElseThrow(() -> new Settings.SettingsException("no organisation '" + org
                    + "'; add it first with: vigil org add \"" + org + "\""));
        }
    }

    static Role role(String label) {
        try {
            return Role.ofLabel(label.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new Settings.SettingsException(e.getMessage());
        }
    }

    /** The first line of stdin; an empty line or no input makes a token-only account. */
    static char[] readPassword() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = System.console() == null ? in.readLine() : new String(System.console().readPassword("password: "));
        return line == null ? new char[0] : line.toCharArray();
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a user's rights.")
    static final class Set extends AdminCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--publisher", negatable = true,
                description = "Give (or with --no-publisher take) the right to publish travel alerts.")
        Boolean publisher;

        @Option(names = "--password", description = "Set a new password, read from the first line of standard "
                + "input (an empty line: none, API tokens only).")
        boolean password;

        @Option(names = "--disabled", negatable = true, description = "Disable the user (no password, token or "
                + "session of theirs is accepted), or with --no-disabled enable them again.")
        Boolean disabled;

        @Override
        public Integer call() throws IOException {
            if (publisher == null && !password && disabled == null) {
                throw new Settings.SettingsException("say what to change: --publisher, --no-publisher, --password, "
                        + "--disabled or --no-disabled");
            }
            char[] secret = password ? readPassword() : null;
            try (Installation hub = open()) {
                User u = CollectionCommand.user(hub, name);
                if (password) {
                    hub.admin.setPassword(hub.cli("user password"), u, secret);
                    err().println(name + (secret.length == 0 ? " may now sign in with API tokens only"
                            : ": password changed"));
                }
                if (disabled != null) {
                    hub.admin.setDisabled(hub.cli(disabled ? "user disable" : "user enable"), u, disabled);
                    err().println(name + (disabled ? " is disabled" : " is enabled again"));
                }
                if (publisher == null) {
                    return 0;
                }
                hub.store.setPublisher(u.id(), publisher);
                hub.noteAdmin("user set", name + (publisher ? " --publisher" : " --no-publisher"));
                err().println(name + (publisher ? " may now publish travel alerts" : " may no longer publish travel alerts"));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class List extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                for (User u : hub.store.users()) {
                    String org = hub.store.organisation(u.organisationId()).map(Organisation::name).orElse("?");
                    out.println(u.name() + "\t" + u.id() + "\t" + u.role().label() + "\t" + org);
                }
                return 0;
            }
        }
    }
}
