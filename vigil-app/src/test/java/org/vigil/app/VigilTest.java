package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VigilTest {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void buildsOnlyTheSubcommandNamedFirst() {
        CommandLine cli = Vigil.commandLine(out, out, new String[] {"validate", "-"});
        assertEquals(Set.of("help", "validate"), cli.getSubcommands().keySet());
    }

    @Test
    void buildsEverySubcommandForHelpAndForUnknownNames() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "serve"}, {"nosuch"}}) {
            Set<String> names = Vigil.commandLine(out, out, args).getSubcommands().keySet();
            assertTrue(names.containsAll(Set.of("validate", "serve", "ingest", "picture", "alert", "screen", "feed",
                    "help")), String.join(" ", args) + " gives " + names);
        }
    }
}
