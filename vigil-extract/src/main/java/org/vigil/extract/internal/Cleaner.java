package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans an article's raw text: normalises whitespace, splits paragraphs, keeps each repeated paragraph once
 * (scraped pages often carry their body twice) and finds the dateline.
 */
public final class Cleaner {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    /** "WASHINGTON —", "MOSCOW (Reuters) —", "PARIS, Texas, Jan. 3 (AP) -": an upper-case place, then a dash. */
    private static final Pattern DATELINE = Pattern.compile(
            "^([A-Z][A-Z'’.\\- ]*[A-Z.])(?:,\\s*((?:[A-Z][\\p{L}.]*)(?:\\s+[A-Z][\\p{L}.]*)*))?"
                    + "(?:,?\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2})?\\s*(?:\\([^)]{1,40}\\))?\\s*(?:—|–|--|-)\\s*");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:][\"”’')]*$");
    private static final Pattern BYLINE = Pattern.compile("(?i:by)\\s+\\p{Lu}[\\p{L}.'’-]*(?:[ ,]+(?:and\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,7}");
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "^\\(?(?:Photo|Photograph|Picture|Image|Credit)s?(?: credit)?\\s*:|/(?:AFP|AP|Reuters|Getty Images|EPA)\\)?$");
    private static final java.util.Set<String> CREDIT_JOINERS = java.util.Set.of("and", "of", "de", "van", "von", "da", "al");
    private static final int MAX_HEADLINE_WORDS = 25;
    private static final int MAX_CREDIT_WORDS = 4;
    /** Bylines and credits stand right under the headline, among the first few paragraphs. */
    private static final int MAX_CREDITS = 3;

    private Cleaner() {
    }

    public static CleanText clean(String raw) {
        List<String> kept = distinct(paragraphs(raw.replace("\r\n", "\n").replace('\r', '\n')));
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        for (String p : kept) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            spans.add(new Span(text.length(), text.length() + p.length()));
            text.append(p);
        }
        String cleaned = text.toString();
        Span headline = headline(cleaned, spans);
        List<Span> credits = new ArrayList<>();
        int first = headline == null ? 0 : 1;
        for (int i = first; i < Math.min(spans.size(), first + MAX_CREDITS); i++) {
            if (isCredit(cleaned.substring(spans.get(i).start(), spans.get(i).end()))) {
                credits.add(spans.get(i));
            }
        }
        Span opening = spans.stream().filter(s -> !s.equals(headline) && !credits.contains(s)).findFirst().orElse(null);
        return new CleanText(cleaned, spans, opening == null ? null : dateline(cleaned, opening), headline, credits);
    }

    /**
     * The first paragraph is the headline when more follow and it reads as one: short, and not ended as a
     * sentence is. A dateline on a line of its own is no headline.
     */
    private static Span headline(String text, List<Span> spans) {
        if (spans.size() < 2) {
            return null;
        }
        String first = text.substring(spans.get(0).start(), spans.get(0).end());
        if (first.split(" ").length > MAX_HEADLINE_WORDS || SENTENCE_END.matcher(first).find()
                || DATELINE.matcher(first).find()) {
            return null;
        }
        return spans.get(0);
    }

    /** A byline ("By Jane Doe and John Roe"), a credit line ("Associated Press", "Alan Gomez") or a photo credit. */
    static boolean isCredit(String p) {
        if (BYLINE.matcher(p).matches() || PHOTO_CREDIT.matcher(p).find()) {
            return true;
        }
        String[] words = p.split(" ");
        if (words.length > MAX_CREDIT_WORDS || !p.matches("[\\p{L} .'’-]+")) {
            return false;
        }
        for (String w : words) {
            if (!Character.isUpperCase(w.charAt(0)) && !CREDIT_JOINERS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Blank lines separate paragraphs when the text has any; otherwise each line is one. */
    private static List<String> paragraphs(String text) {
        boolean blankLines = BLANK_LINE.matcher(text.strip()).find();
        String[] blocks = blankLines ? BLANK_LINE.split(text) : text.split("\n");
        List<String> out = new ArrayList<>();
        for (String block : blocks) {
            String p = SPACES.matcher(block).replaceAll(" ").trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> distinct(List<String> paragraphs) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String key = Names.key(p);
            if (seen.add(key.isEmpty() ? p : key)) {
                out.add(p);
            }
        }
        return out;
    }

    private static CleanText.Dateline dateline(String text, Span first) {
        Matcher m = DATELINE.matcher(text.substring(first.start(), first.end()));
        if (!m.find() || letters(m.group(1)) < 3) {
            return null;
        }
        String place = titleCase(m.group(1));
        return new CleanText.Dateline(new Span(first.start(), first.start() + m.end()), place, m.group(2));
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }

    /** "NEW YORK" becomes "New York", "TEL AVIV-YAFO" becomes "Tel Aviv-Yafo". */
    static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (char c : upper.trim().toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c) && c != '\'' && c != '’';
        }
        return out.toString();
    }
}
