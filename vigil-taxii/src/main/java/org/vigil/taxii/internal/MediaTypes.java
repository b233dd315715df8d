package org.vigil.taxii.internal;

import java.util.Locale;

/**
 * TAXII 2.1 content negotiation: which Accept headers the server can satisfy, and which request bodies it
 * takes. Version-less {@code application/taxii+json} means the newest version the server speaks, which is 2.1.
 */
public final class MediaTypes {

    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";

    private MediaTypes() {
    }

    /** Whether a response in TAXII 2.1 JSON satisfies the client's Accept header (absent means anything). */
    public static boolean accepts(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return true;
        }
        for (String range : acceptHeader.split(",")) {
            if (acceptable(range)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a JSON response satisfies the Accept header of a call to Vigil's own API (absent means anything). */
    public static boolean acceptsJson(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return true;
        }
        for (String range : acceptHeader.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                refused |= kv[0].trim().equalsIgnoreCase("q") && kv.length > 1 && isZero(kv[1].trim());
            }
            if (!refused && (type.equals("*/*") || type.equals("application/*") || type.equals("application/json"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptable(String range) {
        String[] parts = range.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        String version = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv.length > 1 ? kv[1].trim().replace("\"", "") : "";
            if (key.equals("q") && isZero(value)) {
                return false;
            }
            if (key.equals("version")) {
                version = value;
            }
        }
        return switch (type) {
            case "*/*", "application/*" -> true;
            case "application/taxii+json" -> version == null || version.equals("2.1");
            default -> false;
        };
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a request body with this Content-Type is a TAXII 2.1 envelope. */
    public static boolean isTaxiiBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/taxii+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].trim().equalsIgnoreCase("version") && kv.length > 1
                    && !kv[1].trim().replace("\"", "").equals("2.1")) {
                return false;
            }
        }
        return true;
    }
}
