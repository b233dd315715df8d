package org.vigil.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that administers one installation (users, organisations, collections, tokens, the audit log): it
 * takes {@code --data}, opens the installation there, and prints to the command line's own streams.
 */
abstract class AdminCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Spec
    CommandSpec spec;

    /** The installation in the data directory; the caller closes it. */
    Installation open() {
        return Installation.open(data.settings());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
