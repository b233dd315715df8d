package org.vigil.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
        if (args.length > 0 && args[0].equals("validate")) {
            ValidateCommand.prepareInBackground();
        }
        System.exit(commandLine(System.out, System.err, args).execute(args));
    }

    /** The subcommands by name, made on demand: building every command's model costs a short command its start-up. */
    private static Map<String, Supplier<Object>> subcommands(PrintStream out, PrintStream err) {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("validate", () -> new ValidateCommand(out, err));
        all.put("serve", ServeCommand::new);
        all.put("ingest", IngestCommand::new);
        all.put("user", UserCommand::new);
        all.put("org", OrgCommand::new);
        all.put("collection", CollectionCommand::new);
        all.put("token", TokenCommand::new);
        all.put("audit", AuditCommand::new);
        all.put("event", EventCommand::new);
        all.put("picture", PictureCommand::new);
        all.put("bench", BenchCommand::new);
        all.put("feed", FeedCommand::new);
        all.put("alert", AlertCommand::new);
        all.put("webhook", WebhookCommand::new);
        all.put("screen", ScreenCommand::new);
        all.put("index", IndexCommand::new);
        return all;
    }

    /** The whole command tree, printing to the given streams; tests drive it in-process through this. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command tree for these arguments: when they start with a subcommand's name, only that subcommand is built
     * (it alone can run); otherwise all of them, for help and for the error that names the known commands.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String[] args) {
        CommandLine cli = new CommandLine(new Vigil());
        Map<String, Supplier<Object>> all = subcommands(out, err);
        Supplier<Object> only = args.length > 0 ? all.get(args[0]) : null;
        if (only != null) {
            cli.addSubcommand(args[0], only.get());
        } else {
            all.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
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
