package org.vigil.extract.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vigil.extract.Article;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.NearDuplicateIndex;

/**
 * Articles per second with the NER model warm, on ~800-word news articles, for one thread and for two; the
 * near-duplicate index's speed (a lookup that finds an earlier copy); and, before JMH starts, the model's load
 * time, the heap it takes and the index's memory per article. Run with
 * {@code mvn -B -pl vigil-extract -am -Pbench -DskipTests verify}. Not final: JMH subclasses it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractBenchmark {

    private static final int ARTICLES = 16;
    private static final int WORDS = 800;

    private final List<Article> articles = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private Extractor extractor;
    private NearDuplicateIndex index;
    private final AtomicInteger indexed = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() {
        Extractor.warmUp();
        extractor = Extractor.standard();
        articles.addAll(articles(ARTICLES, WORDS));
        index = NearDuplicateIndex.create();
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(articles.get(Math.floorMod(next.getAndIncrement(), articles.size())));
    }

    @Benchmark
    public Object nearDuplicateAdd() {
        int n = indexed.getAndIncrement();
        String text = articles.get(n % articles.size()).text() + " " + n;
        return index.add(String.format("report--00000000-0000-4000-8000-%012d", n), text);
    }

    /** ~800-word articles: the sample's paragraphs and others in varying order, so no two are alike. */
    static List<Article> articles(int count, int words) {
        List<String> paragraphs = paragraphs();
        List<Article> out = new ArrayList<>();
        Random random = new Random(2014);
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(paragraphs);
            java.util.Collections.shuffle(shuffled, random);
            StringBuilder text = new StringBuilder("WASHINGTON —\n");
            int n = 0;
            for (int p = 0; n < words; p = (p + 1) % shuffled.size()) {
                text.append(shuffled.get(p)).append("\n\n");
                n += shuffled.get(p).split("\\s+").length;
            }
            text.append("Story ").append(i).append('.');
            out.add(Article.of(text.toString()).withPublished(Instant.parse("2014-01-21T00:00:00Z")));
        }
        return out;
    }

    private static List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        try (InputStream in = ExtractBenchmark.class.getResourceAsStream("/org/vigil/extract/sochi-olympics-security.txt")) {
            String sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : sample.split("\n")) {
                if (line.split("\\s+").length > 5 && !out.contains(line)) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add("Chechen leader Ramzan Kadyrov said on Monday that Doku Umarov, the leader of the Caucasus Emirate, "
                + "had been killed in a special operation in the North Caucasus.");
        out.add("The Caucasus Emirate, an Islamic militant group, claimed responsibility for a car bomb in Nalchik and "
                + "for the hostage taking at a school in Beslan, officials in Moscow said.");
        out.add("German interior minister Thomas Müller told reporters in Berlin: \"We heard them shout 'no surrender' "
                + "before the blast, and then there was silence.\"");
        out.add("Police in Paris, Texas, said a gunman opened fire at a church on Sunday, wounding three people, "
                + "while a cyber attack took the city's emergency lines offline for an hour.");
        return out;
    }

    public static void main(String[] args) throws RunnerException {
        startUp();
        for (int threads : new int[] {1, 2}) {
            Options options = new OptionsBuilder()
                    .include(ExtractBenchmark.class.getName() + ".extract$")
                    .include(ExtractBenchmark.class.getName() + ".nearDuplicateAdd$")
                    .forks(1).threads(threads)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(5))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(5))
                    .jvmArgs("-Xms1g", "-Xmx1g")
                    .build();
            new Runner(options).run();
        }
    }

    /** Model load time and heap, measured in this fresh JVM before JMH forks its own. */
    private static void startUp() {
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        long t0 = System.nanoTime();
        Extractor.warmUp();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        Extractor.standard().extract(articles(1, WORDS).get(0));
        long firstMs = (System.nanoTime() - t1) / 1_000_000;
        long after = usedAfterGc(rt);
        System.out.printf("start-up: model and gazetteer loaded in %d ms; first article in %d ms%n", loadMs, firstMs);
        System.out.printf("heap: %d MB before, %d MB with the model loaded (+%d MB)%n",
                before >> 20, after >> 20, (after - before) >> 20);
        NearDuplicateIndex index = NearDuplicateIndex.create();
        Random random = new Random(1);
        int n = 200_000;
        long i0 = usedAfterGc(rt);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 300; w++) {
                b.append('w').append(random.nextInt(100_000)).append(' ');
            }
            index.add(String.format("report--00000000-0000-4000-8000-%012d", i), b.toString());
        }
        long i1 = usedAfterGc(rt);
        System.out.printf("near-duplicate index: %d articles, %d bytes per article in its arrays, %d bytes per article "
                + "of heap%n", index.size(), index.bytes() / n, (i1 - i0) / n);
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
