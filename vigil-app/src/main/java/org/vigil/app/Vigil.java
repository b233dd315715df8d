package org.vigil.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
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
        System.exit(commandLine(System.out, System.err).execute(args));
    }

    /** The command tree, printing to the given streams; tests drive it in-process through this. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Vigil());
        cli.addSubcommand(new CommandLine(new ValidateCommand(out, err)));
        cli.addSubcommand(new ServeCommand());
        cli.addSubcommand(new IngestCommand());
        cli.addSubcommand(new UserCommand());
        cli.addSubcommand(new OrgCommand());
        cli.addSubcommand(new CollectionCommand());
        cli.addSubcommand(new TokenCommand());
        cli.addSubcommand(new AuditCommand());
        cli.addSubcommand(new EventCommand());
        cli.addSubcommand(new PictureCommand());
        cli.addSubcommand(new BenchCommand());
        cli.addSubcommand(new FeedCommand());
        cli.addSubcommand(new AlertCommand());
        cli.addSubcommand(new WebhookCommand());
        cli.addSubcommand(new ScreenCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(Vigil::onFailure);
        return cli;
    }

    /** No stack trace reaches a user: an unexpected failure is one line on stderr and exit code 2. */
    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof Settings.SettingsException || e instanceof org.vigil.store.StoreException) {
            cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 2;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message);
        LoggerFactory.getLogger(Vigil.class).debug("command failed", e);
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
