package org.vigil.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.extract.Article;
import org.vigil.extract.ArticleReader;
import org.vigil.extract.Duplicate;
import org.vigil.extract.NearDuplicateIndex;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.gold.EntityType;
import org.vigil.extract.gold.GoldArticle;
import org.vigil.extract.gold.Scorecard;
import org.vigil.extract.gold.Tally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil bench extract}: extraction quality on the development articles against the gold annotations
 * (precision, recall and F1 per type, see docs/extraction-gold.md), and articles per second on ~800-word
 * articles with two threads.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 per type against the gold annotations, and articles/s on ~800-word articles.")
final class ExtractBench implements Callable<Integer> {

    private static final int WORDS = 800;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The articles (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("../shared/samples/news");

    @Option(names = "--gold", paramLabel = "DIR", description = "The gold annotations (default: ${DEFAULT-VALUE}).")
    Path gold = Path.of("vigil-extract/src/test/resources/org/vigil/extract/gold");

    @Option(names = "--seconds", description = "Seconds of timed extraction after warm-up (default: ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--threads", description = "Extraction threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--mistakes", description = "Also list every miss and false positive.")
    boolean mistakes;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.isDirectory(dir) || !Files.isDirectory(gold)) {
            System.err.println("vigil bench extract: " + (Files.isDirectory(dir) ? gold : dir)
                    + ": no such directory (run from the project root, or name the articles and --gold)");
            return 2;
        }
        long load = Extractor.warmUp();
        Extractor extractor = Extractor.standard();
        List<GoldArticle> golds = GoldArticle.readAll(gold);
        Scorecard card = new Scorecard();
        List<String> texts = new ArrayList<>();
        for (GoldArticle g : golds) {
            Path file = dir.resolve(g.file());
            if (!Files.isRegularFile(file)) {
                System.err.println("vigil bench extract: " + file + ": the gold annotates it, but it is missing");
                return 2;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            texts.add(text);
            card.add(g, extractor.extract(fixed(ArticleReader.read(file))), text);
        }
        out.printf("gold: %d articles in %s (model loaded in %d ms)%n", card.articles(), dir, load);
        out.printf("%-13s %9s %9s %9s %6s %6s %6s%n", "type", "precision", "recall", "F1", "tp", "fp", "fn");
        for (EntityType t : EntityType.values()) {
            print(out, t.label(), card.tally(t));
        }
        print(out, "quote", card.quotes());
        out.printf("relevance: %d of %d articles judged as the gold judges them%n", card.relevanceRight(), card.articles());
        if (mistakes) {
            card.mistakes().forEach(out::println);
        }
        nearDuplicates(out, golds, texts);
        throughput(out, extractor, longArticles(texts));
        return 0;
    }

    /** Containment and resemblance of the syndicated pairs, the named closest non-pairs, and the highest other pair. */
    private void nearDuplicates(PrintStream out, List<GoldArticle> golds, List<String> texts) throws IOException {
        Path pairsFile = gold.resolve("pairs.json");
        if (!Files.isRegularFile(pairsFile)) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode pairs;
        try (var in = Files.newInputStream(pairsFile)) {
            pairs = org.vigil.stix.StixJson.parseTree(in, pairsFile.toString());
        }
        List<String> stories = texts.stream().map(NearDuplicateIndex::storyOf).toList();
        java.util.Map<String, Integer> byNumber = new java.util.HashMap<>();
        for (int i = 0; i < golds.size(); i++) {
            byNumber.put(golds.get(i).file().substring(0, 2), i);
        }
        out.printf("near-duplicates (threshold: containment >= %.2f)%n", NearDuplicateIndex.DEFAULT_THRESHOLD);
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String kind : List.of("pairs", "closest_non_pairs")) {
            for (var p : pairs.path(kind)) {
                String a = p.get(0).asText();
                String b = p.get(1).asText();
                named.add(a + b);
                Duplicate d = NearDuplicateIndex.compare(stories.get(byNumber.get(a)), stories.get(byNumber.get(b)));
                out.printf("  %s %s/%s  containment %.3f  resemblance %.3f%n", kind.equals("pairs") ? "pair    " : "non-pair",
                        a, b, d.containment(), d.resemblance());
            }
        }
        double worst = 0;
        String worstPair = "";
        for (int i = 0; i < stories.size(); i++) {
            for (int j = i + 1; j < stories.size(); j++) {
                String key = golds.get(i).file().substring(0, 2) + golds.get(j).file().substring(0, 2);
                double c = NearDuplicateIndex.compare(stories.get(i), stories.get(j)).containment();
                if (!named.contains(key) && c > worst) {
                    worst = c;
                    worstPair = key.substring(0, 2) + "/" + key.substring(2);
                }
            }
        }
        out.printf("  highest other non-pair: %s containment %.3f%n", worstPair, worst);
    }

    private static Article fixed(Article a) {
        return a.withPublished(Instant.parse("2016-01-01T00:00:00Z"));
    }

    private static void print(PrintStream out, String label, Tally t) {
        out.printf("%-13s %9.3f %9.3f %9.3f %6d %6d %6d%n", label, t.precision(), t.recall(), t.f1(),
                t.truePositives(), t.falsePositives(), t.falseNegatives());
    }

    /** ~800-word articles: consecutive development articles joined until the length is reached. */
    private static List<Article> longArticles(List<String> texts) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            StringBuilder text = new StringBuilder();
            for (int j = i; words(text) < WORDS; j = (j + 1) % texts.size()) {
                text.append(texts.get(j)).append("\n\n");
            }
            out.add(fixed(Article.of(text.toString())));
        }
        return out;
    }

    private static int words(CharSequence s) {
        String t = s.toString().strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private void throughput(PrintStream out, Extractor extractor, List<Article> articles) throws Exception {
        for (Article a : articles) {
            extractor.extract(a);
        }
        int totalWords = articles.stream().mapToInt(a -> words(a.text())).sum();
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                runs.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = first; System.nanoTime() < deadline; i++) {
                        extractor.extract(articles.get(i % articles.size()));
                        done.incrementAndGet();
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        out.printf("throughput: %.1f articles/s (%d articles of %d words on average, %d threads, %d cores, %.1f s)%n",
                done.get() / elapsed, done.get(), totalWords / articles.size(), threads,
                Runtime.getRuntime().availableProcessors(), elapsed);
        // The machine may be shared: CPU time says what the threads would do with the cores to themselves.
        out.printf("throughput by CPU time: %.1f articles/s for %d threads with a core each (%.1f CPU s; load average %.1f)%n",
                done.get() / (cpu.get() / 1e9) * threads, threads, cpu.get() / 1e9,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
