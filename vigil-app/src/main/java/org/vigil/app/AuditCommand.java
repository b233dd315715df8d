package org.vigil.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.vigil.access.AuditLog;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil audit}: the tamper-evident log of who saw and did what. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check and read the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class, AuditCommand.Seal.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain; exit 1 and name the first broken record if it is broken.")
    static final class Verify extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                AuditLog.Verification v = hub.audit.verify();
                if (v.intact()) {
                    out.println("audit log intact: " + v.records() + (v.records() == 1 ? " record, " : " records, ")
                            + (hub.store.auditHead().seal() == AuditHead.Seal.INTACT
                            ? "head sealed with this installation's audit.key" : "head not sealed (no audit key)"));
                    return 0;
                }
                out.println("audit log BROKEN at record " + v.firstBreak().get().seq() + ": "
                        + v.firstBreak().get().reason() + " (" + v.records() + " records before it are intact)");
                return 1;
            }
        }
    }

    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = "Seal the log's head as it stands, accepting the log, after a broken seal has been looked into"
                    + " (say, a database restored from a backup). Recorded as an admin action.")
    static final class Seal extends AdminCommand {
        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why the log is accepted as it stands; kept in the record of this action.")
        String reason;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                AuditHead before = hub.store.auditHead();
                hub.noteAdmin("audit seal", "head was " + before.seal() + " at record " + before.seq() + ": " + reason);
                AuditHead after = hub.store.sealAuditHead();
                out.println("audit log sealed at record " + after.seq() + " (it was " + before.seal().toString()
                        .toLowerCase(Locale.ROOT) + " at record " + before.seq() + ")");
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List audit records.")
    static final class Show extends AdminCommand {
        @Option(names = "--user", paramLabel = "U", description = "Only this user's records.")
        String user;

        @Option(names = "--object", paramLabel = "ID", description = "Only records naming this object.")
        String object;

        @Option(names = "--since", paramLabel = "T", description = "Only records from this time on (2026-01-01T00:00:00Z).")
        String since;

        @Option(names = "--limit", description = "Most records to show (default: ${DEFAULT-VALUE}).")
        int limit = 1000;

        @Option(names = "--ids", description = "Also list each record's object ids, one per line below it.")
        boolean ids;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                AuditQuery q = AuditQuery.all(Math.max(1, limit));
                if (user != null) {
                    UUID id = CollectionCommand.user(hub, user).id();
                    q = q.byActor(id);
                }
                if (object != null) {
                    q = q.naming(object);
                }
                if (since != null) {
                    q = q.since(instant(since));
                }
                for (AuditRecord r : hub.audit.list(q)) {
                    String who = r.actor() == null ? "-" : hub.store.user(r.actor()).map(User::name).orElse(r.actor().toString());
                    int n = r.objectIds().size();
                    out.println(r.seq() + "\t" + r.at() + "\t" + who + "\t" + r.action() + "\t"
                            + (r.path() == null ? "-" : r.path()) + "\t" + n + (n == 1 ? " object" : " objects")
                            + (r.detail() == null ? "" : "\t" + r.detail()));
                    if (ids) {
                        r.objectIds().forEach(id -> out.println("\t" + id));
                    }
                }
                return 0;
            }
        }
    }

    static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Settings.SettingsException("'" + s + "' is not a timestamp; write it as 2026-01-01T00:00:00Z");
        }
    }
}
