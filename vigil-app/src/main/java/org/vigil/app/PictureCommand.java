package org.vigil.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.access.Principal;
import org.vigil.picture.Picture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil picture}: the threat picture from the command line, as {@code /api/v1/} gives it. */
@Command(name = "picture", mixinStandardHelpOptions = true, description = "The threat picture.",
        subcommands = {PictureCommand.Upticks.class})
final class PictureCommand {

    @Command(name = "upticks", mixinStandardHelpOptions = true,
            description = "Days on which reporting about a place rose beyond what its history leads one to expect.")
    static final class Upticks extends AdminCommand {
        @Option(names = "--from", paramLabel = "DATE", description = "First day (default: 30 days before --to).")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: today, UTC).")
        String to;

        @Option(names = "--place", paramLabel = "ID", description = "Only this location.")
        String place;

        @Option(names = "--event", paramLabel = "ID", description = "Only this event's venues.")
        String event;

        @Option(names = "--user", paramLabel = "U", description = "As this user (default: anonymous, CLEAR only).")
        String user;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
        String format = "text";

        @Override
        public Integer call() throws Exception {
            if (!format.equals("text") && !format.equals("json")) {
                throw new Settings.SettingsException("--format " + format + " is not known; use text or json");
            }
            LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : EventCommand.day("--to", to);
            LocalDate first = from == null ? last.minusDays(29) : EventCommand.day("--from", from);
            PrintWriter out = out();
            try (Installation hub = open()) {
                Principal who = user == null ? Principal.anonymous() : hub.principal(user);
                List<Picture.Uptick> upticks;
                try {
                    upticks = hub.picture.upticks(who, first, last, Optional.ofNullable(place),
                            Optional.ofNullable(event), "vigil picture upticks");
                } catch (Picture.NotFound | IllegalArgumentException e) {
                    throw new Settings.SettingsException(e.getMessage());
                }
                if (format.equals("json")) {
                    out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                            .writeValueAsString(Map.of("upticks", upticks)));
                    return 0;
                }
                if (upticks.isEmpty()) {
                    out.println("no upticks from " + first + " to " + last + " in what " + who + " may see");
                }
                for (Picture.Uptick u : upticks) {
                    out.printf("%s  %-24s %3d stories, %6.2f expected, p=%.2g, %d source(s)  %s%n", u.date(),
                            u.name() == null ? "(unnamed place)" : u.name(), u.observed(), u.expected(), u.pValue(),
                            u.sources(), u.place());
                }
                return 0;
            }
        }
    }
}
