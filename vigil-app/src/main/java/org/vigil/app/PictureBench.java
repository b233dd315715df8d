package org.vigil.app;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.picture.detection.Detector;
import org.vigil.picture.detection.EarsC2;
import org.vigil.picture.detection.NegativeBinomialDetector;
import org.vigil.picture.detection.Simulation;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import org.vigil.taxii.TaxiiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench picture}: how well the uptick test detects bursts next to EARS C2 on simulated series, and how
 * fast the picture answers on a generated hub of reports about many places.
 */
@Command(name = "picture", mixinStandardHelpOptions = true,
        description = "Uptick detection on simulated series (next to EARS C2), and upticks latency on generated data.")
final class PictureBench implements Callable<Integer> {

    @Option(names = "--series", description = "Simulated places per scenario (default: ${DEFAULT-VALUE}).")
    int series = 100;

    @Option(names = "--seed", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--objects", description = "Reports to generate for the latency part; 0 skips it (default: ${DEFAULT-VALUE}).")
    int objects = 100_000;

    @Option(names = "--places", description = "Places the generated reports are about (default: ${DEFAULT-VALUE}).")
    int places = 1_000;

    @Option(names = "--runs", description = "Timed requests per case (default: ${DEFAULT-VALUE}).")
    int runs = 20;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "Use this store instead of a fresh SQLite file.")
    String storeUrl;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        simulate();
        if (objects > 0) {
            latency();
        }
        return 0;
    }

    private void simulate() {
        List<Detector> detectors = List.of(new NegativeBinomialDetector(), new EarsC2());
        out.printf("Simulation: %d places per scenario, bursts tripling the expected count for 3, 5 or 7 days, "
                + "seed %d%n", series, seed);
        out.printf("%-18s %6s %6s %6s %5s | %7s %7s %7s %9s%n", "detector", "mean", "weekly", "trend", "size",
                "detect", "<=1 day", "delay", "false/90d");
        List<Simulation.Outcome> all = Simulation.run(Simulation.scenarios(), detectors, series, 3, seed);
        for (Simulation.Outcome o : all) {
            Simulation.Scenario s = o.scenario();
            out.printf("%-18s %6.1f %6.1f %+6.1f %5s | %7.3f %7.3f %7.2f %9.3f%n", o.detector(), s.mean(), s.weekly(),
                    s.trend(), Double.isInfinite(s.size()) ? "inf" : String.format("%.0f", s.size()), o.detection(),
                    (double) o.withinOneDay() / o.bursts(), o.meanDelay(), o.falseFlagsPer90Days());
        }
        for (Detector d : detectors) {
            List<Simulation.Outcome> mine = all.stream().filter(o -> o.detector().equals(d.name())).toList();
            List<Simulation.Outcome> busy = mine.stream().filter(o -> o.scenario().mean() >= 3).toList();
            out.printf("%s: places expecting >= 3 a day: detected %.3f of bursts by their end, %.3f within a day; "
                            + "all places: %.3f false flags per place per 90 days%n", d.name(),
                    busy.stream().mapToDouble(Simulation.Outcome::detection).average().orElse(Double.NaN),
                    busy.stream().mapToDouble(o -> (double) o.withinOneDay() / o.bursts()).average().orElse(Double.NaN),
                    mine.stream().mapToDouble(Simulation.Outcome::falseFlagsPer90Days).average().orElse(Double.NaN));
        }
    }

    private void latency() throws Exception {
        try (BenchInstallation bench = BenchInstallation.open(storeUrl)) {
            Installation hub = bench.hub;
            Organisation org = hub.addOrganisation("Bench", true);
            User user = new User(UUID.randomUUID(), "bench", org.id(), Role.ANALYST,
                    Passwords.hash("bench".toCharArray()));
            hub.store.putUser(user);
            Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench");
            hub.store.putCollection(c);
            hub.store.putGrant(new Grant(user.id(), c.id(), true, true));
            LocalDate last = LocalDate.of(2014, 2, 23);
            CollectionView view = new CollectionView(c, true, true, false);
            List<String> placeIds = generate(hub, Principal.of(user, org), view, last);
            try (TaxiiServer server = bench.serve()) {
                String base = "http://127.0.0.1:" + server.port() + "/api/v1";
                String year = "from=" + last.minusDays(364) + "&to=" + last;
                long cold = System.nanoTime();
                HttpLatency.time(out, "upticks, first request", base + "/upticks?" + year, "bench", "bench", 1);
                out.printf("  (the first request read the place index into memory: %,.0f ms in all)%n",
                        (System.nanoTime() - cold) / 1e6);
                time("upticks, one year, every place", base + "/upticks?" + year);
                SplittableRandom more = new SplittableRandom(seed + 1);
                HttpLatency.time(out, "upticks, every place, after a POST", base + "/upticks?" + year, "bench",
                        "bench", runs, () -> hub.writes.add(Principal.of(user, org), view, List.of(WritePath.Item.of(
                                report(last.minusDays(more.nextInt(30)) + "T12:00:00.000Z",
                                        List.of(placeIds.get(more.nextInt(places))), Tlp.GREEN, "late"))),
                                "vigil bench picture"));
                time("upticks, one year, one place", base + "/upticks?" + year + "&place=" + placeIds.get(0));
                time("timeline, one year, one place", base + "/places/" + placeIds.get(0) + "/timeline?" + year);
            }
        }
    }

    /** Reports spread over a year, each about one or two of the places, at CLEAR, GREEN or AMBER. */
    private List<String> generate(Installation hub, Principal p, CollectionView c, LocalDate last) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> placeIds = new ArrayList<>();
        List<WritePath.Item> batch = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            String id = "location--" + UUID.randomUUID();
            placeIds.add(id);
            batch.add(WritePath.Item.of(StixObject.builder("location", id).put("created", "2013-01-01T00:00:00.000Z")
                    .put("modified", "2013-01-01T00:00:00.000Z").put("name", "Place " + i)
                    .put("country", String.valueOf((char) ('A' + i % 26)) + (char) ('A' + i / 26 % 26))
                    .put("latitude", random.nextDouble(-60, 60)).put("longitude", random.nextDouble(-180, 180)).build()));
        }
        List<Tlp> levels = List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
        long start = System.nanoTime();
        try (Progress progress = Progress.start("generating reports", objects, false)) {
            for (int i = 0; i < objects; i++) {
                String at = last.minusDays(random.nextInt(465)) + "T12:00:00.000Z";
                List<String> refs = random.nextInt(3) == 0
                        ? List.of(placeIds.get(random.nextInt(places)), placeIds.get(random.nextInt(places)))
                        : List.of(placeIds.get(random.nextInt(places)));
                batch.add(WritePath.Item.of(report(at, refs.stream().distinct().toList(),
                        levels.get(random.nextInt(3)), Integer.toString(i))));
                if (batch.size() >= 1000) {
                    hub.writes.add(p, c, batch, "vigil bench picture");
                    batch.clear();
                    progress.update(i + 1, "");
                }
            }
            if (!batch.isEmpty()) {
                hub.writes.add(p, c, batch, "vigil bench picture");
            }
        }
        out.printf("%nLatency: %,d reports about %,d places over 465 days (%s), posted through the write path at "
                        + "%,.0f objects/s%n", objects, places, storeUrl == null ? "SQLite" : storeUrl,
                objects / ((System.nanoTime() - start) / 1e9));
        return placeIds;
    }

    private static StixObject report(String at, List<String> refs, Tlp level, String name) {
        return StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at).put("modified", at)
                .put("name", "Report " + name).put("published", at).put("report_types", List.of("threat-report"))
                .put("object_refs", refs).put("object_marking_refs", List.of(level.markingId())).build();
    }

    private void time(String label, String url) throws Exception {
        HttpLatency.time(out, label, url, "bench", "bench", runs);
    }
}
