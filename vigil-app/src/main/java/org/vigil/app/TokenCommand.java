package org.vigil.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.vigil.access.Administration;
import org.vigil.store.ApiToken;
import org.vigil.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil token}: API tokens, stored only as hashes. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = {TokenCommand.Add.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Make a token for a user; prints it once.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "USER")
        String user;

        @Option(names = "--collections", split = ",", paramLabel = "COLLECTION",
                description = "Limit the token to these collections (id, alias or title).")
        java.util.List<String> collections = new java.util.ArrayList<>();

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "An ISO duration (P30D, PT12H) from now, or a timestamp (2027-01-01T00:00:00Z).")
        String expires;

        @Override
        public Integer call() {
            PrintWriter out = out();
            PrintWriter err = err();
            Instant until = expires == null ? null : expiry(expires);
            try (Installation hub = open()) {
                User u = CollectionCommand.user(hub, user);
                java.util.Set<UUID> ids = new HashSet<>();
                collections.forEach(c -> ids.add(hub.collection(c.trim()).id()));
                Administration.IssuedToken t = hub.admin.issueToken(hub.cli("token add"), u, ids, until);
                err.println("token " + t.token().id() + " for " + u.name() + (until == null ? "" : ", expires " + until)
                        + " (shown once):");
                out.println(t.secret());
                return 0;
            }
        }
    }

    static Instant expiry(String s) {
        try {
            return Administration.expiry(s);
        } catch (Administration.Refused e) {
            throw new Settings.SettingsException("--expires '" + s + "' is neither a duration such as P30D nor a "
                    + "timestamp such as 2027-01-01T00:00:00Z");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's tokens (never the tokens).")
    static final class List extends AdminCommand {
        @Parameters(paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                User u = CollectionCommand.user(hub, user);
                for (ApiToken t : hub.store.tokens(u.id())) {
                    String state = t.revoked() ? "revoked" : t.usableAt(Instant.now()) ? "active" : "expired";
                    out.println(t.id() + "\t" + state + "\tcreated " + t.created() + "\texpires "
                            + (t.expires() == null ? "never" : t.expires()) + "\t"
                            + (t.scope().allCollections() ? "all collections" : t.scope().collections()));
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Revoke extends AdminCommand {
        @Parameters(paramLabel = "TOKEN_ID")
        UUID id;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                try {
                    hub.admin.revokeToken(hub.cli("token revoke"), id);
                } catch (Administration.Refused e) {
                    throw new Settings.SettingsException(e.getMessage() + "; see vigil token list USER");
                }
                out.println("token " + id + " revoked");
                return 0;
            }
        }
    }
}
