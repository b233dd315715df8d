package org.vigil.app;

import java.io.PrintWriter;
import org.vigil.store.IndexBackfill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil index}: the search and reference index that the UI's search and object view read. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Look after the search index.",
        subcommands = {IndexCommand.Rebuild.class, IndexCommand.Status.class})
final class IndexCommand {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Index the objects stored before the search index existed (they are otherwise indexed only"
                    + " when they get a new version). Resumes where a stopped run or a server left off; safe while"
                    + " servers run.")
    static final class Rebuild extends AdminCommand {
        @Option(names = "--batch", paramLabel = "N", description = "Objects per transaction (default: ${DEFAULT-VALUE}).")
        int batch = SearchBackfill.BATCH;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() {
            if (batch < 1 || batch > 100_000) {
                throw new Settings.SettingsException("--batch is " + batch + "; give between 1 and 100000");
            }
            PrintWriter out = out();
            try (Installation hub = open()) {
                IndexBackfill before = hub.store.indexBackfill();
                if (before.finished()) {
                    out.println("search index complete: nothing stored before it is left to index");
                    return 0;
                }
                // The first batch counts the objects to look at, when this is the backfill's start.
                IndexBackfill first = hub.store.backfillIndex(batch);
                IndexBackfill done;
                try (Progress progress = Progress.start("indexing", first.total(), quiet)) {
                    java.util.function.Consumer<IndexBackfill> show = p -> progress.update(p.scanned(),
                            p.scanned() + "/" + p.total() + " objects, " + p.indexed() + " added");
                    show.accept(first);
                    done = SearchBackfill.runToEnd(hub.store, batch, show);
                }
                hub.noteAdmin("index rebuild", done.scanned() + " objects looked at, " + done.indexed() + " added");
                out.println("search index complete: " + done.scanned() + " objects looked at, " + done.indexed()
                        + " added to the index");
                return 0;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say how far indexing the objects stored before the search index has got.")
    static final class Status extends AdminCommand {
        @Override
        public Integer call() {
            try (Installation hub = open()) {
                IndexBackfill p = hub.store.indexBackfill();
                out().println(p.finished() ? "search index complete (" + p.scanned() + " objects looked at, "
                        + p.indexed() + " added by the backfill)" : "search index backfill: " + p.scanned() + " of "
                        + (p.total() < 0 ? "?" : p.total()) + " objects looked at, " + p.indexed()
                        + " added; run vigil index rebuild or vigil serve to finish it");
                return 0;
            }
        }
    }
}
