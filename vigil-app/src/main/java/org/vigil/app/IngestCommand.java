package org.vigil.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.extract.Article;
import org.vigil.extract.ArticleReader;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.NearDuplicateIndex;
import org.vigil.extract.Provenance;
import org.vigil.stix.BundleReader;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.store.ObjectQuery;
import org.vigil.store.VersionMatch;
import org.vigil.store.Organisation;
import org.vigil.store.Status;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil ingest}: news articles (text, HTML, directories, stdin) become STIX reports, written as a bundle or
 * posted into a collection through the same write path TAXII uses.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Turn news articles into linked STIX reports.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "Text or HTML files, directories of them, or - for stdin.")
    List<String> inputs;

    @Option(names = "--title", description = "The article's title.")
    String title;

    @Option(names = "--published", paramLabel = "TIME", description = "When it was published (2014-01-21T00:00:00Z); "
            + "default: the page's own date, else the file's modification time, else now.")
    String published;

    @Option(names = "--url", description = "Where it was published.")
    String url;

    @Option(names = "--source", description = "The outlet, e.g. \"Voice of America\".")
    String source;

    @Option(names = "--known", paramLabel = "FILE", description = "A STIX bundle of known groups, people, places... to match by name.")
    Path known;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the bundle here instead of to stdout.")
    Path out;

    @Option(names = "--collection", paramLabel = "COLLECTION", description = "Post into this collection (id, alias or title).")
    String collection;

    @Option(names = "--user", paramLabel = "USER", description = "Post as this user (needs a write grant); with --collection.")
    String user;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory, with --collection.")
    String data;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (collection != null && user == null) {
            throw new Settings.SettingsException("--collection needs --user: the user the objects are posted as");
        }
        if (collection != null && out != null) {
            throw new Settings.SettingsException("give --collection or --out, not both");
        }
        List<Article> articles = articles();
        List<StixObject> knownObjects = known == null ? new ArrayList<>() : readBundle(known);
        if (collection == null) {
            writeBundle(extract(articles, knownObjects, NearDuplicateIndex.create()));
            return 0;
        }
        Map<String, String> flags = data == null ? Map.of() : Map.of("data", data);
        try (Installation hub = Installation.open(Settings.load(System.getenv(), flags))) {
            Target target = target(hub);
            knownObjects.addAll(knownIn(hub, target));
            return post(hub, target, extract(articles, knownObjects, reportsIn(hub, target)));
        }
    }

    /**
     * The articles the collection already reports on, by the fingerprints their reports carry, so that a story
     * republished since is linked to the first report instead of being counted again.
     */
    private static NearDuplicateIndex reportsIn(Installation hub, Target t) {
        NearDuplicateIndex index = NearDuplicateIndex.create();
        if (!t.view().canRead()) {
            return index;
        }
        ObjectQuery q = ObjectQuery.in(t.view().collection().id()).types("report").versions(VersionMatch.FIRST).build();
        while (true) {
            ObjectsPage<ReleasedObject> page = hub.reads.objects(t.principal(), t.view(), q, "vigil ingest (earlier reports)");
            for (ReleasedObject r : page.items()) {
                String fingerprint = r.object().property("extensions")
                        .map(e -> e.path(Provenance.EXTENSION_ID).path("fingerprint").asText(null)).orElse(null);
                if (fingerprint != null) {
                    index.addFingerprint(r.id(), fingerprint);
                }
            }
            if (page.next().isEmpty()) {
                return index;
            }
            q = q.after(page.next().get());
        }
    }

    /** Who posts, as whom, where. */
    private record Target(Principal principal, Organisation org, CollectionView view) {
    }

    private Target target(Installation hub) {
        Principal p = hub.principal(user);
        Organisation org = hub.store.organisation(p.organisationId()).orElseThrow();
        var c = hub.collection(collection);
        CollectionView view = hub.reads.collection(p, c.apiRoot(), c.id())
                .orElseThrow(() -> new Settings.SettingsException("user " + user + " cannot see collection " + collection));
        if (!view.canWrite()) {
            throw new Settings.SettingsException("user " + user + " may not write to " + c.title()
                    + "; grant it with: vigil collection grant " + collection + " " + user + " write");
        }
        return new Target(p, org, view);
    }

    /**
     * The groups, people, organisations, software and places the collection already holds, as this user sees them,
     * from sources other than extraction: what extraction made it finds again by itself (its ids are derived from
     * names), and feeding it back would make a re-ingest differ from the first.
     */
    private static List<StixObject> knownIn(Installation hub, Target t) {
        List<StixObject> out = new ArrayList<>();
        if (!t.view().canRead()) {
            return out;
        }
        ObjectQuery q = ObjectQuery.in(t.view().collection().id())
                .types("intrusion-set", "threat-actor", "identity", "malware", "tool", "location", "campaign").build();
        while (true) {
            ObjectsPage<ReleasedObject> page = hub.reads.objects(t.principal(), t.view(), q, "vigil ingest (known entities)");
            page.items().stream().map(ReleasedObject::object)
                    .filter(o -> o.property("extensions").map(e -> !e.has(Provenance.EXTENSION_ID)).orElse(true))
                    .forEach(out::add);
            if (page.next().isEmpty()) {
                return out;
            }
            q = q.after(page.next().get());
        }
    }

    private List<Article> articles() throws IOException {
        List<Article> out = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                out.add(decorate(ArticleReader.read(System.in), null));
                continue;
            }
            Path p = Path.of(input);
            if (!Files.exists(p)) {
                throw new Settings.SettingsException(input + ": no such file or directory");
            }
            for (Path file : files(p)) {
                out.add(decorate(ArticleReader.read(file), file));
            }
        }
        if (out.isEmpty()) {
            throw new Settings.SettingsException("no articles found in " + String.join(", ", inputs));
        }
        return out;
    }

    private static List<Path> files(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Applies the metadata options; without a date, a file's modification time keeps re-ingests identical. */
    private Article decorate(Article a, Path file) throws IOException {
        Article d = a;
        if (title != null) {
            d = d.withTitle(title);
        }
        if (url != null) {
            d = d.withUrl(url);
        }
        if (source != null) {
            d = d.withSource(source);
        }
        if (published != null) {
            d = d.withPublished(instant(published));
        } else if (d.published() == null && file != null) {
            d = d.withPublished(Files.getLastModifiedTime(file).toInstant());
        }
        return d;
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Settings.SettingsException("--published '" + s + "' is not a timestamp; write it as 2014-01-21T00:00:00Z");
        }
    }

    private List<Extraction> extract(List<Article> articles, List<StixObject> knownObjects, NearDuplicateIndex seen) {
        Extractor extractor = Extractor.builder().nearDuplicates(seen).known(knownObjects).build();
        List<Extraction> out = new ArrayList<>();
        try (Progress progress = Progress.start("extracting", articles.size(), quiet)) {
            for (Article a : articles) {
                out.add(extractor.extract(a));
                progress.update(out.size(), out.size() + "/" + articles.size() + " articles");
            }
        }
        return out;
    }

    private static List<StixObject> readBundle(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Settings.SettingsException("--known " + file + ": no such file");
        }
        List<StixObject> objects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); BundleReader r = BundleReader.open(in, file.toString())) {
            for (StixObject o = r.next(); o != null; o = r.next()) {
                objects.add(o);
            }
        }
        return objects;
    }

    /** One bundle for all articles; an object several articles share appears once per version. */
    private void writeBundle(List<Extraction> extractions) throws IOException {
        Map<String, StixObject> unique = new LinkedHashMap<>();
        for (Extraction x : extractions) {
            for (StixObject o : x.objects()) {
                unique.putIfAbsent(o.id() + "|" + o.version().orElse(""), o);
            }
        }
        ObjectNode bundle = StixJson.newObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", Identifier.deterministic("bundle", Publisher.NAMESPACE, String.join(",", unique.keySet())));
        ArrayNode list = bundle.putArray("objects");
        unique.values().forEach(o -> list.add(o.json()));
        byte[] json = bundle.toPrettyString().getBytes(StandardCharsets.UTF_8);
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.println(new String(json, StandardCharsets.UTF_8));
            w.flush();
        } else {
            try (OutputStream o = Files.newOutputStream(out)) {
                o.write(json);
            }
            spec.commandLine().getErr().println("wrote " + unique.size() + " objects from " + extractions.size() + " articles to " + out);
        }
    }

    private int post(Installation hub, Target t, List<Extraction> extractions) {
        Principal p = t.principal();
        CollectionView view = t.view();
        Organisation org = t.org();
        var c = view.collection();
        Reconciler reconcile = new Reconciler(hub.reads, p, view);
        long stored = 0;
        long held = 0;
        long refused = 0;
        for (Extraction x : extractions) {
            List<WritePath.Item> items = new ArrayList<>();
            for (StixObject o : x.objects()) {
                if (!Publisher.IDENTITY_ID.equals(o.id()) && !"extension-definition".equals(o.type())) {
                    reconcile.version(asSource(o, org)).map(WritePath.Item::of).ifPresent(items::add);
                }
            }
            Status s = hub.writes.add(p, view, items, "vigil ingest");
            stored += s.successes().stream().filter(d -> d.message() == null).count();
            held += x.objects().size() - items.size() + s.successes().stream().filter(d -> d.message() != null).count();
            refused += s.failureCount();
            s.failures().forEach(f -> spec.commandLine().getErr().println("refused " + f.id() + ": " + f.message()));
        }
        spec.commandLine().getOut().println(extractions.size() + " articles: " + stored + " objects stored, " + held
                + " already held, " + refused + " refused, in " + c.title() + " (" + c.id() + ")");
        return refused == 0 ? 0 : 1;
    }

    /** Extracted objects are posted as the user's organisation's, like anything else that user posts. */
    private static StixObject asSource(StixObject o, Organisation org) {
        return Publisher.IDENTITY_ID.equals(o.text("created_by_ref")) ? o.with("created_by_ref", org.identityId()) : o;
    }
}
