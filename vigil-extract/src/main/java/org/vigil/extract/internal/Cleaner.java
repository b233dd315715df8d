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
        return new CleanText(cleaned, spans, spans.isEmpty() ? null : dateline(cleaned, spans.get(0)));
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
