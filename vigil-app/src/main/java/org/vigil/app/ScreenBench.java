package org.vigil.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.vigil.screen.Evaluation;
import org.vigil.screen.Match;
import org.vigil.screen.PersonOfInterest;
import org.vigil.screen.Screening;
import org.vigil.screen.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench screen}: screening quality on labelled name pairs, next to two baselines (exact match after
 * ASCII folding; Jaro–Winkler of at least 0.92 on folded names), then throughput of screening generated names
 * against a generated watchlist through the index.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 of name screening on labelled pairs, and names screened per second.")
final class ScreenBench implements Callable<Integer> {

    @Option(names = "--pairs", paramLabel = "FILE", split = ",", description = "Labelled names the matcher was tuned "
            + "on, where the threshold is chosen (default: ${DEFAULT-VALUE}; the first held-out set joined them once "
            + "it had been used to improve the matcher).")
    List<Path> pairs = new ArrayList<>(List.of(
            Path.of("vigil-screen/src/test/resources/org/vigil/screen/name-groups.txt"),
            Path.of("vigil-screen/src/test/resources/org/vigil/screen/name-groups-held-out.txt")));

    @Option(names = "--held-out", paramLabel = "FILE", split = ",", description = "Labelled names never used to tune "
            + "the matcher, each reported at the threshold chosen on --pairs (default: ${DEFAULT-VALUE}).")
    List<Path> heldOut = new ArrayList<>(List.of(
            Path.of("vigil-screen/src/test/resources/org/vigil/screen/name-groups-held-out-2.txt")));

    @Option(names = "--threshold", description = "Score at which a pair counts as a match (default: Vigil's, ${DEFAULT-VALUE}).")
    double threshold = Screening.THRESHOLD;

    @Option(names = "--persons", description = "Persons of interest to generate (default: ${DEFAULT-VALUE}).")
    int persons = 50_000;

    @Option(names = "--names", description = "Names to screen against them (default: ${DEFAULT-VALUE}).")
    int names = 100_000;

    @Option(names = "--skip-pairs", description = "Measure throughput only.")
    boolean skipPairs;

    @Option(names = "--skip-throughput", description = "Measure quality on labelled pairs only.")
    boolean skipThroughput;

    @Option(names = "--verbose", description = "List the pairs decided wrongly.")
    boolean verbose;

    @Option(names = "--seed", description = "Seed of the generated names (default: ${DEFAULT-VALUE}).")
    long seed = 12;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (!skipPairs) {
            for (Path file : pairs) {
                if (!Files.isRegularFile(file)) {
                    System.err.println("vigil bench screen: " + file + ": no such file; run from the project root, "
                            + "give --pairs, or --skip-pairs");
                    return 2;
                }
            }
            quality(out);
        }
        if (!skipThroughput) {
            throughput(out);
        }
        return 0;
    }

    private void quality(PrintStream out) throws IOException {
        List<Evaluation.Pair> labelled = new ArrayList<>();
        for (Path file : pairs) {
            List<Evaluation.Pair> some = Evaluation.pairs(Files.readAllLines(file));
            report(out, "tuning pairs", file, some, Evaluation.scores(some), threshold);
            labelled.addAll(some);
        }
        double[] scores = Evaluation.scores(labelled);
        double chosen = Evaluation.chooseThreshold(labelled, scores, 0.97);
        out.printf(Locale.ROOT, "tuning set, %d pairs: Vigil at %.3f: %s%n", labelled.size(), threshold,
                Evaluation.at(labelled, scores, threshold));
        out.printf(Locale.ROOT, "  threshold chosen on the tuning set (best F1 with precision >= 0.97): %.3f: %s%n",
                chosen, Evaluation.at(labelled, scores, chosen));
        for (Path file : heldOut) {
            if (!Files.isRegularFile(file)) {
                out.println("held-out pairs: " + file + ": no such file; give --held-out");
                continue;
            }
            List<Evaluation.Pair> held = Evaluation.pairs(Files.readAllLines(file));
            report(out, "held-out pairs", file, held, Evaluation.scores(held), chosen);
        }
    }

    private void report(PrintStream out, String what, Path file, List<Evaluation.Pair> labelled, double[] scores,
                        double at) {
        long same = labelled.stream().filter(Evaluation.Pair::same).count();
        out.printf(Locale.ROOT, "%s: %d (%d same person, %d different) from %s%n", what, labelled.size(), same,
                labelled.size() - same, file);
        out.printf(Locale.ROOT, "  exact after ASCII folding:   %s%n", Evaluation.run(labelled, Evaluation::exactFolded));
        out.printf(Locale.ROOT, "  Jaro-Winkler >= %.2f folded: %s%n", Evaluation.BASELINE_JARO_WINKLER,
                Evaluation.run(labelled, Evaluation::jaroWinklerFolded));
        out.printf(Locale.ROOT, "  Vigil at %.3f:              %s%n", at, Evaluation.at(labelled, scores, at));
        if (verbose) {
            for (int i = 0; i < labelled.size(); i++) {
                Evaluation.Pair p = labelled.get(i);
                if ((scores[i] >= at) != p.same()) {
                    out.printf(Locale.ROOT, "    %s %.3f  %s  /  %s  [%s]%n", p.same() ? "missed" : "wrong ",
                            scores[i], p.query(), p.listed(), p.category());
                }
            }
        }
    }

    private void throughput(PrintStream out) {
        SyntheticNames gen = new SyntheticNames(new Random(seed));
        List<PersonOfInterest> list = new ArrayList<>(persons);
        for (int i = 0; i < persons; i++) {
            list.add(gen.person("threat-actor--" + i));
        }
        List<Subject> queries = new ArrayList<>(names);
        java.util.Map<Integer, String> plantedFor = new java.util.HashMap<>();
        int planted = 0;
        for (int i = 0; i < names; i++) {
            if (i % 10 < 3) {
                PersonOfInterest p = list.get(gen.random.nextInt(list.size()));
                queries.add(Subject.named(gen.variantOf(p)));
                plantedFor.put(i, p.id());
                planted++;
            } else {
                queries.add(Subject.named(gen.person("q").name()));
            }
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Screening screening = Screening.of(list);
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        long hits = 0;
        long matched = 0;
        long found = 0;
        for (int i = 0; i < queries.size(); i++) {
            List<Match> m = screening.screen(queries.get(i));
            hits += m.size();
            matched += m.isEmpty() ? 0 : 1;
            String target = plantedFor.get(i);
            if (target != null && m.stream().anyMatch(x -> x.person().id().equals(target))) {
                found++;
            }
        }
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        double seconds = (t2 - t1) / 1e9;
        double cpuSeconds = (c2 - c1) / 1e9;
        out.printf(Locale.ROOT, "watchlist: %,d generated persons (%d%% with a Cyrillic alias), indexed in %.1f s "
                + "(%.1f s of CPU)%n", persons, SyntheticNames.CYRILLIC_PERCENT, (t1 - t0) / 1e9, (c1 - c0) / 1e9);
        out.printf(Locale.ROOT, "screened: %,d names (%,d planted variants of listed persons) on one thread in %.1f s "
                + "(%.1f s of CPU): %,.0f names/s, %,.0f per CPU second; %,d names matched, %,d matches%n", names,
                planted, seconds, cpuSeconds, names / seconds, names / cpuSeconds, matched, hits);
        out.printf(Locale.ROOT, "planted variants found: %,d of %,d%n", found, planted);
    }
}
