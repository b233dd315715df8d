package org.vigil.store.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact text form of an audit record's object ids: a newline before the first id and after each, so that
 * finding one id is a substring search for newline, id, newline. Backslashes and newlines inside ids are escaped.
 */
final class AuditIds {

    private AuditIds() {
    }

    static String encode(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n");
        for (String id : ids) {
            out.append(escape(id)).append('\n');
        }
        return out.toString();
    }

    static String needle(String id) {
        return "\n" + escape(id) + "\n";
    }

    static List<String> decode(String text) {
        List<String> ids = new ArrayList<>();
        if (text.isEmpty()) {
            return ids;
        }
        for (String part : text.substring(1).split("\n", -1)) {
            ids.add(unescape(part));
        }
        ids.remove(ids.size() - 1);
        return ids;
    }

    private static String escape(String id) {
        return id.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char ch = part.charAt(i);
            if (ch == '\\' && i + 1 < part.length()) {
                char next = part.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
