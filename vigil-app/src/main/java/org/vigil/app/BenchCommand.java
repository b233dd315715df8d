package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.stix.BundleReader;
import org.vigil.stix.StixObject;
import org.vigil.stix.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil bench}: measures Vigil's throughput on real data sets, reported as rates, never as pass/fail. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput on a data set (results are rates; nothing here fails a build).",
        subcommands = {BenchCommand.ValidateBench.class, TaxiiBench.class, PictureBench.class,
                FeedBench.class, WebhookBench.class, ExtractBench.class, ScreenBench.class, UiBench.class,
                ScaleBench.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Streams a bundle through the parser and validator on one thread, repeatedly, and reports objects/s. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Objects per second for parse + validate of FILE on one thread, after warm-up.")
    static final class ValidateBench implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "A STIX bundle, e.g. ../shared/data/stix/enterprise-attack-18.1-derived.json")
        Path file;

        @Option(names = "--warmup", description = "Warm-up runs, not counted (default: ${DEFAULT-VALUE}).")
        int warmup = 3;

        @Option(names = "--runs", description = "Measured runs (default: ${DEFAULT-VALUE}).")
        int runs = 5;

        @Override
        public Integer call() throws IOException {
            PrintStream out = System.out;
            if (!Files.isRegularFile(file)) {
                System.err.println("vigil bench validate: " + file + ": no such file");
                return 2;
            }
            long bytes = Files.size(file);
            out.printf("data set: %s (%.1f MB), one thread, %d warm-up + %d measured runs%n", file.getFileName(),
                    bytes / 1e6, warmup, runs);
            List<Double> parseRates = new ArrayList<>();
            List<Double> validateRates = new ArrayList<>();
            long objects = 0;
            for (int i = 0; i < warmup + runs; i++) {
                long[] parsed = timeRun(false);
                long[] validated = timeRun(true);
                objects = validated[0];
                if (i >= warmup) {
                    parseRates.add(parsed[0] * 1e9 / parsed[1]);
                    validateRates.add(validated[0] * 1e9 / validated[1]);
                }
            }
            out.printf("objects: %d%n", objects);
            out.printf("parse only:        median %,.0f objects/s (min %,.0f, max %,.0f)%n", median(parseRates),
                    Collections.min(parseRates), Collections.max(parseRates));
            out.printf("parse + validate:  median %,.0f objects/s (min %,.0f, max %,.0f), %.1f MB/s%n",
                    median(validateRates), Collections.min(validateRates), Collections.max(validateRates),
                    median(validateRates) / objects * bytes / 1e6);
            out.printf("peak heap used: %d MB (max heap %d MB)%n", peakHeap() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            return 0;
        }

        /** One pass over the file: {objects, nanoseconds}. */
        private long[] timeRun(boolean validate) throws IOException {
            long start = System.nanoTime();
            long n = 0;
            try (InputStream in = Files.newInputStream(file);
                 BundleReader reader = BundleReader.open(in, file.toString())) {
                if (validate) {
                    n = Validator.standard().validate(reader, f -> { }).objects();
                } else {
                    for (StixObject o = reader.next(); o != null; o = reader.next()) {
                        n++;
                    }
                }
            }
            return new long[] {n, System.nanoTime() - start};
        }

        private static double median(List<Double> xs) {
            List<Double> sorted = new ArrayList<>(xs);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        private static long peakHeap() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak;
        }
    }
}
