package org.vigil.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.screen.Subject;

/** Names to screen as a CSV table (RFC 4180 quoting): a header row naming name, and optionally birth_date and nationality. */
final class ScreeningCsv {

    private ScreeningCsv() {
    }

    static List<Subject> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Settings.SettingsException(file + ": no such file");
        }
        if (lines.isEmpty()) {
            throw new Settings.SettingsException(file + ": empty; the first row must name the columns, e.g. name,birth_date,nationality");
        }
        List<String> header = fields(strip(lines.get(0)), file, 1);
        int name = header.indexOf("name");
        int birth = header.indexOf("birth_date");
        int nationality = header.indexOf("nationality");
        if (name < 0) {
            throw new Settings.SettingsException(file + ": line 1: no 'name' column; the header row names the columns, e.g. name,birth_date,nationality");
        }
        List<Subject> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = fields(lines.get(i), file, i + 1);
            String n = cell(row, name);
            if (n == null) {
                throw new Settings.SettingsException(file + ": line " + (i + 1) + ": the name is empty");
            }
            try {
                String country = cell(row, nationality);
                out.add(new Subject(n, cell(row, birth), country == null ? null : country.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Settings.SettingsException(file + ": line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String cell(List<String> row, int column) {
        if (column < 0 || column >= row.size() || row.get(column).isBlank()) {
            return null;
        }
        return row.get(column).strip();
    }

    /** The fields of one line; quoted fields may hold commas and doubled quotes. */
    static List<String> fields(String line, Path file, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Settings.SettingsException(file + ": line " + lineNumber + ": a quote is not closed (a field "
                    + "in quotes must end with a quote; write a quote inside it as two)");
        }
        out.add(field.toString());
        return out;
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
