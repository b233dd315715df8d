package org.vigil.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.vigil.access.Principal;
import org.vigil.alerts.Alert;
import org.vigil.alerts.AlertDesk;
import org.vigil.alerts.AlertDraft;
import org.vigil.alerts.AlertRefusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil alert}: travel advisories, from draft to cancellation. */
@Command(name = "alert", mixinStandardHelpOptions = true, description = "Draft, review, publish, update and cancel travel alerts.",
        subcommands = {AlertCommand.Draft.class, AlertCommand.Suggest.class, AlertCommand.Review.class, AlertCommand.Publish.class, AlertCommand.Update.class,
                       AlertCommand.Cancel.class, AlertCommand.List.class})
final class AlertCommand {

    /** The options a draft and an update share. */
    static final class Content {
        @Option(names = "--place", paramLabel = "P", description = "A location id, the name of a location the user may see, or an event id (its venues); repeatable.")
        java.util.List<String> places = new ArrayList<>();

        @Option(names = "--level", paramLabel = "N", description = "1 Exercise normal precautions, 2 Exercise increased caution, 3 Reconsider travel, 4 Do not travel.")
        Integer level;

        @Option(names = "--headline", paramLabel = "T")
        String headline;

        @Option(names = "--description", paramLabel = "T")
        String description;

        @Option(names = "--instruction", paramLabel = "T", description = "What travellers should do.")
        String instruction;

        @Option(names = "--risk", paramLabel = "R", description = "terrorism, unrest, crime, ...; repeatable.")
        java.util.List<String> risks = new ArrayList<>();

        @Option(names = "--evidence", paramLabel = "ID", description = "An object the alert rests on (must be public); repeatable.")
        java.util.List<String> evidence = new ArrayList<>();

        @Option(names = "--expires", paramLabel = "DURATION", description = "How long it holds, e.g. P14D (default for a new alert: P14D).")
        String expires;

        AlertDraft draft() {
            Duration d = null;
            if (expires != null) {
                try {
                    d = Duration.parse(expires);
                } catch (DateTimeParseException e) {
                    throw new Settings.SettingsException("--expires " + expires + " is not a duration; write e.g. "
                            + "P14D (14 days) or PT36H (36 hours)");
                }
                if (d.isNegative() || d.isZero()) {
                    throw new Settings.SettingsException("--expires must be a positive duration, not " + expires);
                }
            }
            return new AlertDraft(places, level, headline, description, instruction, risks, evidence, d);
        }
    }

    /** What every alert command takes: the data directory and the user it acts as. */
    abstract static class AsUser extends AdminCommand {
        @Option(names = "--user", paramLabel = "U", required = true, description = "The user acting.")
        String user;

        Principal principal(Installation hub) {
            return hub.principal(user);
        }

        /** Runs an action, turning a refusal into the one-line error every command gives. */
        <T> T act(java.util.function.Supplier<T> action) {
            try {
                return action.get();
            } catch (AlertRefusal r) {
                throw new Settings.SettingsException(r.getMessage());
            }
        }

        /** Acts as the user at the alert desk and prints the message acted on, its id last. */
        Integer atDesk(java.util.function.BiFunction<AlertDesk, Principal, Alert> action) {
            try (Installation hub = open()) {
                Principal p = principal(hub);
                print(act(() -> action.apply(hub.alerts.desk(), p)));
                return 0;
            }
        }

        void print(Alert a) {
            PrintWriter out = out();
            out.println(a.kind().cap() + " " + (a.published() ? "published" : a.reviewedBy() != null ? "reviewed"
                    : "drafted") + ": level "
                    + a.level().number() + " (" + a.level().label() + "), " + a.headline());
            out.println(a.id());
        }
    }

    @Command(name = "draft", mixinStandardHelpOptions = true, description = "Draft an alert; prints its id last.")
    static final class Draft extends AsUser {
        @Mixin
        Content content;

        @Override
        public Integer call() {
            return atDesk((desk, p) -> desk.draft(p, content.draft(), "vigil alert draft"));
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Suggest a draft from the upticks at a place or an event in the week up to a day, worded from "
                    + "public reporting only; with --draft, store it as a draft and print its id last.")
    static final class Suggest extends AsUser {
        @Option(names = "--place", paramLabel = "P", required = true, description = "A location id or an event id.")
        String place;

        @Option(names = "--day", paramLabel = "DATE", description = "The last day looked at (default: today, UTC).")
        String day;

        @Option(names = "--draft", description = "Store the suggestion as a draft.")
        boolean draft;

        @Override
        public Integer call() {
            java.time.LocalDate last = day == null ? java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    : EventCommand.day("--day", day);
            try (Installation hub = open()) {
                Principal p = principal(hub);
                AlertDraft d = act(() -> hub.alerts.suggestions().suggest(p, place, last, "vigil alert suggest"));
                PrintWriter out = out();
                out.println("level " + d.level() + ": " + d.headline());
                out.println(d.description());
                out.println("places: " + String.join(", ", d.places()));
                out.println("evidence: " + (d.evidence().isEmpty() ? "none public" : String.join(", ", d.evidence())));
                if (draft) {
                    print(act(() -> hub.alerts.desk().draft(p, d, "vigil alert suggest")));
                }
                return 0;
            }
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Review a draft, approving it for publication; the reviewer must not be its drafter (four-eyes rule). Prints its id last.")
    static final class Review extends AsUser {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return atDesk((desk, p) -> desk.review(p, id, "vigil alert review"));
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish a reviewed draft (needs the publisher right); prints its id last.")
    static final class Publish extends AsUser {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return atDesk((desk, p) -> desk.publish(p, id, "vigil alert publish"));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Publish an update of a published alert; prints the update's id last.")
    static final class Update extends AsUser {
        @Parameters(paramLabel = "ID")
        String id;

        @Mixin
        Content content;

        @Override
        public Integer call() {
            return atDesk((desk, p) -> desk.update(p, id, content.draft(), "vigil alert update"));
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Publish the cancellation of a published alert; prints its id last.")
    static final class Cancel extends AsUser {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--reason", paramLabel = "T")
        String reason;

        @Override
        public Integer call() {
            return atDesk((desk, p) -> desk.cancel(p, id, reason, "vigil alert cancel"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List published alerts, and the drafts --user may see.")
    static final class List extends AdminCommand {
        @Option(names = "--user", paramLabel = "U", description = "Also list the drafts this user may see.")
        String user;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                Principal p = Principal.anonymous();
                if (user != null) {
                    p = hub.principal(user);
                }
                for (Alert a : hub.alerts.desk().list(p, "vigil alert list")) {
                    out.println(a.id() + "\t" + (a.published() ? a.kind().cap().toLowerCase() : state(hub, a)) + "\t"
                            + "level " + a.level().number() + "\t" + (a.sent() == null ? "-" : a.sent()) + "\t"
                            + "expires " + a.expires() + "\t" + a.headline());
                }
                return 0;
            }
        }

        /** A draft's place in the workflow, then who drafted and who reviewed it: "reviewed (by bob; drafted by ana)". */
        private static String state(Installation hub, Alert a) {
            String drafter = a.draftedBy() == null ? "unknown" : hub.alerts.desk().userName(a.draftedBy());
            return a.reviewedBy() == null ? "draft (by " + drafter + ", awaiting review)"
                    : "reviewed (by " + hub.alerts.desk().userName(a.reviewedBy()) + "; drafted by " + drafter + ")";
        }
    }
}
