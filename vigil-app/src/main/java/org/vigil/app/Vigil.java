package org.vigil.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: the entry point of the runnable jar. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "vigil 0.1.0",
        description = "A STIX 2.1 / TAXII 2.1 hub for the security of major events.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Vigil implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Vigil());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
