package org.vigil.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads articles from plain text, from HTML (the main text only, without navigation, footers, scripts and
 * asides, with the title, date, address and outlet from the page's metadata), from a file, a directory of
 * files, or a stream such as stdin.
 */
public final class ArticleReader {

    private static final String BOILERPLATE = "script, style, noscript, template, nav, footer, header, aside, form, "
            + "iframe, svg, button, figure, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[aria-hidden=true], .advertisement, .ad, .ads, .share, .social, .related, .newsletter, .comments";
    private static final String BLOCKS = "p, h2, h3, h4, blockquote, li";

    private ArticleReader() {
    }

    /** An article from plain text. */
    public static Article text(String text) {
        return Article.of(text);
    }

    /** An article from an HTML page: its main text, and its metadata where the page gives it. */
    public static Article html(String html) {
        Document doc = Jsoup.parse(html);
        String title = firstNonBlank(meta(doc, "og:title"), doc.title(), text(doc.selectFirst("h1")));
        String published = firstNonBlank(meta(doc, "article:published_time"), attr(doc.selectFirst("time[datetime]"), "datetime"));
        String url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url"));
        doc.select(BOILERPLATE).remove();
        return new Article(mainText(doc), title, instant(published), url, meta(doc, "og:site_name"));
    }

    /** An article from a file: HTML when its name ends in .html or .htm or its text starts like HTML. */
    public static Article read(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".html") || name.endsWith(".htm") || looksLikeHtml(content) ? html(content) : text(content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the article " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every article of a directory (its regular files, by name; hidden files skipped), or the one file. */
    public static List<Article> readAll(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(read(fileOrDirectory));
        }
        try (Stream<Path> files = Files.list(fileOrDirectory)) {
            List<Article> out = new ArrayList<>();
            files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(p -> out.add(read(p)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the directory " + fileOrDirectory + ": " + e.getMessage(), e);
        }
    }

    /** An article from a stream of UTF-8 text or HTML, such as stdin; the stream is read to its end. */
    public static Article read(InputStream in) {
        try {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return looksLikeHtml(content) ? html(content) : text(content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the article: " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeHtml(String content) {
        String head = content.stripLeading();
        head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.startsWith("<") && head.contains("<p");
    }

    /** The blocks of the element that holds most paragraph text: the article body on a news page. */
    private static String mainText(Document doc) {
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main, [role=main]");
        }
        if (root == null) {
            root = densest(doc);
        }
        List<String> blocks = new ArrayList<>();
        for (Element e : root.select(BLOCKS)) {
            if (e.selectFirst(BLOCKS) == null || e.tagName().equals("blockquote") && e.selectFirst("p") == null) {
                String t = e.text().trim();
                if (!t.isEmpty()) {
                    blocks.add(t);
                }
            }
        }
        return blocks.isEmpty() ? root.text() : String.join("\n\n", blocks);
    }

    private static Element densest(Document doc) {
        Element best = doc.body() != null ? doc.body() : doc;
        int bestLength = 0;
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            int length = parent == null ? 0 : parent.select("> p").text().length();
            if (length > bestLength) {
                best = parent;
                bestLength = length;
            }
        }
        return best;
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
