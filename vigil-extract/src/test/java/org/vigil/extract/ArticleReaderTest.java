package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Articles come from text, HTML pages without their boilerplate, files, directories and streams. */
class ArticleReaderTest {

    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>US offers Russia help | News</title>
            <meta property="og:title" content="US offers Russia help with Olympic security">
            <meta property="article:published_time" content="2014-01-21T15:04:00+00:00">
            <meta property="og:site_name" content="Voice of America">
            <link rel="canonical" href="https://example.org/news/sochi-security">
            <script>var tracker = "Barack Obama";</script></head>
            <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
            <aside class="related"><p>Related: Pentagon budget talks stall in Congress</p></aside>
            <article><h1>US offers Russia help with Olympic security</h1>
            <p>WASHINGTON — The United States is offering to help Russia strengthen security in Sochi.</p>
            <p>"We are prepared to provide any assistance that we can," said spokesman Jay Carney.</p>
            <figure><figcaption>Photo: the Black Sea coast</figcaption></figure></article>
            <footer><p>Copyright 2014. Subscribe to our newsletter.</p></footer></body></html>
            """;

    @Test
    void htmlGivesTheMainTextWithoutBoilerplate() {
        Article a = ArticleReader.html(PAGE);
        assertTrue(a.text().contains("The United States is offering to help Russia"));
        assertTrue(a.text().contains("said spokesman Jay Carney"));
        for (String boilerplate : List.of("Home", "Related", "Copyright", "tracker", "Photo")) {
            assertFalse(a.text().contains(boilerplate), boilerplate + " leaked into: " + a.text());
        }
    }

    @Test
    void htmlMetadataFillsTheArticle() {
        Article a = ArticleReader.html(PAGE);
        assertEquals("US offers Russia help with Olympic security", a.title());
        assertEquals(Instant.parse("2014-01-21T15:04:00Z"), a.published());
        assertEquals("https://example.org/news/sochi-security", a.url());
        assertEquals("Voice of America", a.source());
    }

    @Test
    void anHtmlArticleBecomesAValidReportWithItsMetadata() {
        Extraction x = Fixtures.EXTRACTOR.extract(ArticleReader.html(PAGE));
        Fixtures.assertStrictlyValid(x);
        assertEquals("US offers Russia help with Olympic security", x.report().text("name"));
        assertEquals("2014-01-21T15:04:00.000Z", x.report().text("published"));
        assertEquals("https://example.org/news/sochi-security",
                x.report().property("external_references").orElseThrow().get(0).path("url").asText());
        assertEquals("Jay Carney", x.quotes().get(0).speaker());
    }

    @Test
    void aDirectoryGivesEveryFileInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.html"), PAGE);
        Files.writeString(dir.resolve("a.txt"), "Police in Paris arrested three men.");
        Files.writeString(dir.resolve(".hidden"), "ignored");
        List<Article> articles = ArticleReader.readAll(dir);
        assertEquals(2, articles.size());
        assertEquals("Police in Paris arrested three men.", articles.get(0).text());
        assertEquals("US offers Russia help with Olympic security", articles.get(1).title());
    }

    @Test
    void aStreamIsSniffedForHtml() {
        Article html = ArticleReader.read(new ByteArrayInputStream(PAGE.getBytes(StandardCharsets.UTF_8)));
        Article text = ArticleReader.read(new ByteArrayInputStream("Plain <b>text</b> here.".getBytes(StandardCharsets.UTF_8)));
        assertEquals("US offers Russia help with Olympic security", html.title());
        assertEquals("Plain <b>text</b> here.", text.text());
    }

    @Test
    void anEmptyArticleStillGivesAValidReport() {
        Extraction x = Fixtures.extract("   \n\n  ");
        assertEquals("Untitled article", x.report().text("name"));
        assertEquals(List.of(Provenance.VIGIL_IDENTITY_ID), x.report().texts("object_refs"));
    }
}
