package org.vigil.app;

import java.io.PrintStream;

/**
 * Shows how far a long job has got: a redrawn bar on an interactive terminal, and plain lines at each tenth
 * when output is piped, so that logs stay readable.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private long lastDraw;
    private int lastTenth = -1;

    private Progress(PrintStream out, String label, long total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
        this.terminal = terminal;
    }

    /** Progress on stderr for a job of {@code total} units (bytes, say). */
    static Progress start(String label, long total, boolean quiet) {
        return new Progress(quiet ? null : System.err, label, total, System.console() != null);
    }

    void update(long done, String detail) {
        if (out == null) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw > 100_000_000L || percent == 100) {
                lastDraw = now;
                int filled = percent * WIDTH / 100;
                out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                        + detail + "   ");
                out.flush();
            }
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.println(label + ": " + percent + "% " + detail);
        }
    }

    @Override
    public void close() {
        if (out != null && terminal) {
            out.print("\r" + " ".repeat(label.length() + WIDTH + 40) + "\r");
            out.flush();
        }
    }
}
