package org.vigil.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.stix.BundleReader;
import org.vigil.stix.Finding;
import org.vigil.stix.StixFormatException;
import org.vigil.stix.StixObject;
import org.vigil.stix.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil validate}: checks STIX 2.1 files and reports every finding, streaming files of any size. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate STIX 2.1 bundles or objects against the specification.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "1:a finding: errors (or warnings, with --strict)",
                        "2:usage error, or a file that cannot be read as STIX JSON"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    /** The file name that stands for standard input, as in {@code vigil ingest -}. */
    private static final Path STDIN = Path.of("-");

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "STIX JSON files: bundles, envelopes or objects; - reads standard input.")
    List<Path> files;

    @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--all", description = "Text output: every finding on its own line, rather than one line per "
            + "rule and property with a count and " + FindingGroups.EXAMPLES + " examples.")
    boolean all;

    @Option(names = "--strict", description = "Treat warnings as failures too.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "No progress display.")
    boolean quiet;

    /** A small bundle of the common object types, with warnings; also the CDS archive's training run (pom.xml). */
    private static final String WARM_UP = "validate-warm-up.json";

    private final PrintStream out;
    private final PrintStream err;

    /**
     * Starts loading and initialising what a validation needs (Jackson, the STIX type table, the checks) on another
     * thread, by validating a small bundle, while this one builds the command line: on a cold JVM each takes about
     * a tenth of a second, and a whole {@code vigil validate} of a large file takes less than a second. Class
     * initialisation is thread-safe, so the real run simply finds the work done or waits for it.
     */
    static void prepareInBackground() {
        Thread warmUp = new Thread(() -> {
            try (InputStream in = ValidateCommand.class.getResourceAsStream(WARM_UP);
                 BundleReader reader = BundleReader.open(in, WARM_UP)) {
                for (StixObject o = reader.next(); o != null; o = reader.next()) {
                    Validator.standard().validate(o);
                }
            } catch (IOException | RuntimeException e) {
                // Only a head start: the validation itself reads, checks and reports everything again.
            }
        }, "vigil-validate-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        // A flush per line costs a system call each: with --all on a large bundle, most of the run.
        PrintStream buffered = new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8);
        try {
            return validateAll(format == Format.json ? new JsonReport(buffered) : new TextReport(buffered, all));
        } finally {
            buffered.flush();
        }
    }

    private int validateAll(Report report) throws IOException {
        boolean unreadable = false;
        boolean failed = false;
        long objects = 0;
        long errors = 0;
        long warnings = 0;
        for (Path file : files) {
            FileResult r = validate(file, report);
            unreadable |= r.problem != null;
            objects += r.objects;
            errors += r.errors;
            warnings += r.warnings;
            failed |= r.errors > 0 || (strict && r.warnings > 0);
        }
        report.finish(files.size(), objects, errors, warnings, verdict(unreadable, failed));
        return unreadable ? 2 : failed ? 1 : 0;
    }

    private String verdict(boolean unreadable, boolean failed) {
        if (unreadable) {
            return "not every file could be read";
        }
        return failed ? "invalid" : "valid";
    }

    private record FileResult(long objects, long errors, long warnings, String problem) {
    }

    private FileResult validate(Path file, Report report) throws IOException {
        boolean stdin = file.equals(STDIN);
        String name = stdin ? "standard input" : file.toString();
        String problem = stdin ? null : unreadable(file);
        report.startFile(name);
        if (problem != null) {
            report.endFile(name, 0, 0, 0, problem);
            err.println("vigil validate: " + problem);
            return new FileResult(0, 0, 0, problem);
        }
        // Standard input has no size to show progress against, and may be read only once.
        long size = stdin ? 0 : Files.size(file);
        try (InputStream raw = stdin ? new UnclosedInputStream(System.in) : Files.newInputStream(file);
             CountingInputStream in = new CountingInputStream(raw);
             Progress progress = Progress.start("validating " + file.getFileName(), size, quiet || size < 8 << 20);
             BundleReader reader = BundleReader.open(in, name)) {
            Validator.Summary s = PipelinedValidation.run(reader, (f, line) -> {
                report.finding(f, line);
                progress.update(in.count(), "");
            });
            progress.update(size, "");
            report.endFile(name, s.objects(), s.errors(), s.warnings(), null);
            return new FileResult(s.objects(), s.errors(), s.warnings(), null);
        } catch (StixFormatException e) {
            report.endFile(name, 0, 0, 0, e.getMessage());
            err.println("vigil validate: " + e.getMessage());
            return new FileResult(0, 0, 0, e.getMessage());
        }
    }

    /** Standard input, which closing a reader must leave open for whoever reads it next. */
    private static final class UnclosedInputStream extends FilterInputStream {
        UnclosedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /** Why a path cannot be validated at all, or null. */
    private static String unreadable(Path file) {
        if (!Files.exists(file)) {
            return file + ": no such file; check the path";
        }
        if (Files.isDirectory(file)) {
            return file + ": is a directory; name the JSON files inside it (e.g. " + file + "/*.json)";
        }
        if (!Files.isReadable(file)) {
            return file + ": permission denied; make the file readable";
        }
        return null;
    }

    /** Where findings go: human-readable text or machine-readable JSON. */
    private interface Report {
        void startFile(String file);

        /** A finding about an object that begins on {@code line} of the input (0 if unknown). */
        void finding(Finding f, int line);

        void endFile(String file, long objects, long errors, long warnings, String problem);

        void finish(int files, long objects, long errors, long warnings, String verdict);
    }

    /** Text: one line per rule and property with a count and examples, or with {@code --all} every finding. */
    private static final class TextReport implements Report {
        private final PrintStream out;
        private final boolean all;
        private final FindingGroups groups = new FindingGroups();
        private long hidden;

        TextReport(PrintStream out, boolean all) {
            this.out = out;
            this.all = all;
        }

        @Override
        public void startFile(String file) {
            groups.clear();
        }

        @Override
        public void finding(Finding f, int line) {
            if (all) {
                out.println("  " + f + (line > 0 ? " (line " + line + ")" : ""));
            } else {
                groups.add(f, line);
            }
        }

        @Override
        public void endFile(String file, long objects, long errors, long warnings, String problem) {
            List<FindingGroups.Group> sorted = groups.sorted();
            sorted.forEach(g -> out.println("  " + FindingGroups.line(g)));
            hidden += groups.findings() - sorted.size();
            out.println(problem != null ? file + ": unreadable" : file + ": " + objects + " objects, " + errors
                    + " errors, " + warnings + " warnings");
        }

        @Override
        public void finish(int files, long objects, long errors, long warnings, String verdict) {
            out.println(files + (files == 1 ? " file, " : " files, ") + objects + " objects: " + errors + " errors, "
                    + warnings + " warnings: " + verdict);
            if (hidden > 0) {
                out.println("repeated findings are grouped by rule and property; --all lists every one, "
                        + "--format json too");
            }
            out.flush();
        }
    }

    private static final class JsonReport implements Report {
        private final JsonGenerator json;

        JsonReport(OutputStream out) {
            try {
                json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                        .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeArrayFieldStart("files");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startFile(String file) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("file", file);
                json.writeArrayFieldStart("findings");
            });
        }

        @Override
        public void finding(Finding f, int line) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("severity", f.severity().label());
                json.writeStringField("code", f.code());
                json.writeStringField("object_id", f.objectId());
                json.writeStringField("pointer", f.pointer());
                json.writeStringField("message", f.message());
                if (line > 0) {
                    json.writeNumberField("line", line);
                }
                json.writeEndObject();
            });
        }

        @Override
        public void endFile(String file, long objects, long errors, long warnings, String problem) {
            write(() -> {
                json.writeEndArray();
                json.writeNumberField("objects", objects);
                json.writeNumberField("errors", errors);
                json.writeNumberField("warnings", warnings);
                if (problem != null) {
                    json.writeStringField("unreadable", problem);
                }
                json.writeEndObject();
            });
        }

        @Override
        public void finish(int files, long objects, long errors, long warnings, String verdict) {
            write(() -> {
                json.writeEndArray();
                json.writeObjectFieldStart("summary");
                json.writeNumberField("files", files);
                json.writeNumberField("objects", objects);
                json.writeNumberField("errors", errors);
                json.writeNumberField("warnings", warnings);
                json.writeStringField("verdict", verdict);
                json.writeEndObject();
                json.writeEndObject();
                json.flush();
            });
        }

        private interface Write {
            void run() throws IOException;
        }

        private void write(Write w) {
            try {
                w.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
