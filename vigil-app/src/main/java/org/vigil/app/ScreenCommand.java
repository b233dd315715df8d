package org.vigil.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.access.Principal;
import org.vigil.screen.ContinuousScreening;
import org.vigil.screen.Match;
import org.vigil.screen.Screening;
import org.vigil.screen.Subject;
import org.vigil.screen.Watchlist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil screen}: screens names against the persons of interest a user may see, as that user, through the
 * read path (so the screening is audited with its query).
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen names (in any script) against the persons of interest a user may see. A FILE.csv "
                + "argument is read as a table with a header row: name (required), birth_date, nationality.")
final class ScreenCommand extends AdminCommand {

    @Parameters(paramLabel = "NAME|FILE.csv", arity = "0..*", description = "Names to screen, or CSV files of them.")
    List<String> names = new ArrayList<>();

    @Option(names = "--user", paramLabel = "USER", description = "Screen as this user: only the "
            + "persons of interest they may see are screened against.")
    String user;

    @Option(names = "--queue", description = "Instead of names: screen the new individuals waiting for continuous "
            + "screening (as vigil serve does in the background), recording sightings of the persons of interest "
            + "they match, then exit.")
    boolean queue;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Option(names = "--threshold", paramLabel = "SCORE", description = "Lowest score reported, from 0.5 to 1 "
            + "(default: Vigil's, ${DEFAULT-VALUE}).")
    double threshold = Screening.THRESHOLD;

    @Override
    public Integer call() throws IOException {
        if (queue) {
            return screenQueue();
        }
        if (names.isEmpty() || user == null) {
            throw new Settings.SettingsException("give names (or FILE.csv) and --user USER to screen them, or --queue "
                    + "to screen the new individuals waiting for continuous screening");
        }
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new Settings.SettingsException("--format " + format + " is not known; use text, json or csv");
        }
        if (threshold < Watchlist.LOWEST_THRESHOLD || threshold > 1.0) {
            throw new Settings.SettingsException("--threshold " + threshold + " is out of range; give a score from "
                    + Watchlist.LOWEST_THRESHOLD + " to 1");
        }
        List<Subject> subjects = subjects();
        try (Installation hub = open()) {
            Principal p = hub.principal(user);
            String request = "vigil screen (os user " + System.getProperty("user.name", "unknown") + ")";
            List<Watchlist.Screened> results = Watchlist.of(hub.reads, p, request).screen(subjects, threshold, request);
            print(results);
        }
        return 0;
    }

    private int screenQueue() {
        if (!names.isEmpty() || user != null) {
            throw new Settings.SettingsException("--queue screens what is queued, as every user who may see it; "
                    + "give it no names and no --user");
        }
        try (Installation hub = open();
             ContinuousScreening screening = new ContinuousScreening(hub.reads, hub.writes, hub.store,
                     java.time.Clock.systemUTC())) {
            int done = screening.drain();
            out().println("screened " + done + " new individual(s); " + hub.store.screeningBacklog()
                    + " still queued (held by another node)");
            out().flush();
        }
        return 0;
    }

    private List<Subject> subjects() throws IOException {
        List<Subject> out = new ArrayList<>();
        for (String arg : names) {
            if (arg.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                out.addAll(ScreeningCsv.read(Path.of(arg)));
            } else if (arg.isBlank()) {
                throw new Settings.SettingsException("an empty name was given; give a name or a FILE.csv");
            } else {
                out.add(Subject.named(arg));
            }
        }
        return out;
    }

    private void print(List<Watchlist.Screened> results) {
        PrintWriter out = out();
        switch (format) {
            case "json" -> out.println(json(results).toPrettyString());
            case "csv" -> {
                out.println("query,id,name,matched,score,why");
                for (Watchlist.Screened s : results) {
                    for (Match m : s.matches()) {
                        out.println(String.join(",", ScreeningCsv.quote(s.subject().name()), m.person().id(),
                                ScreeningCsv.quote(m.person().name()), ScreeningCsv.quote(m.matched()),
                                String.format(Locale.ROOT, "%.2f", m.score()), ScreeningCsv.quote(m.why())));
                    }
                }
            }
            default -> text(out, results);
        }
        out.flush();
    }

    private void text(PrintWriter out, List<Watchlist.Screened> results) {
        for (Watchlist.Screened s : results) {
            out.println(s.subject().name() + ": " + (s.matches().isEmpty() ? "no match"
                    : s.matches().size() + (s.matches().size() == 1 ? " match" : " matches")));
            for (Match m : s.matches()) {
                out.printf(Locale.ROOT, "  %.2f  %s  %s%s%n", m.score(), m.person().name(), m.person().id(),
                        m.matched().equals(m.person().name()) ? "" : "  (as " + m.matched() + ")");
                out.println("        " + m.why());
            }
        }
    }

    /** The same shape as POST /api/v1/screen answers. */
    static ObjectNode json(List<Watchlist.Screened> results) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode list = root.putArray("results");
        for (Watchlist.Screened s : results) {
            ObjectNode r = list.addObject();
            r.put("query", s.subject().name());
            ArrayNode matches = r.putArray("matches");
            for (Match m : s.matches()) {
                matches.addObject().put("id", m.person().id()).put("name", m.person().name())
                        .put("score", Math.round(m.score() * 100) / 100.0).put("matched", m.matched())
                        .put("why", m.why());
            }
        }
        return root;
    }
}
