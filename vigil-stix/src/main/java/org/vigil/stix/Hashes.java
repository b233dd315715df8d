package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a hashes dictionary: algorithm names, and each value's form for the algorithms STIX names. */
final class Hashes {

    /** SSDEEP: blocksize:hash:hash, base64 alphabet. */
    private static final Pattern SSDEEP = Pattern.compile("\\d{1,10}:[A-Za-z0-9/+]{1,64}:[A-Za-z0-9/+]{1,64}");
    /** TLSH: 70 hex digits, optionally after the version prefix T1. */
    private static final Pattern TLSH = Pattern.compile("(T1)?[0-9A-Fa-f]{70}");

    private final TypeTable table;
    private final Findings findings;

    Hashes(TypeTable table, Findings findings) {
        this.table = table;
        this.findings = findings;
    }

    void check(ObjectNode hashes, String pointer) {
        if (hashes.isEmpty()) {
            findings.error("dictionary-empty", pointer, Findings.leaf(pointer) + " is an empty dictionary; give "
                    + "at least one hash or leave the property out");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = hashes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            entry(e.getKey(), e.getValue(), Findings.child(pointer, e.getKey()));
        }
    }

    private void entry(String algorithm, JsonNode value, String pointer) {
        if (!value.isTextual()) {
            findings.error("type-mismatch", pointer, "the " + algorithm + " hash must be a string, but it is "
                    + ValueCheck.jsonKind(value));
            return;
        }
        String problem = problem(algorithm, value.textValue());
        if (problem != null) {
            findings.error("hash-invalid", pointer, problem);
            return;
        }
        if (!table.vocabulary("hash-algorithm-ov").contains(algorithm)) {
            if (algorithm.length() < 3 || algorithm.length() > 250) {
                findings.error("hash-algorithm", pointer, "custom hash algorithm name '" + algorithm
                        + "' must be 3 to 250 characters long");
            } else {
                findings.warn("hash-algorithm", pointer, "hash algorithm '" + algorithm + "' is not in "
                        + "hash-algorithm-ov (" + table.vocabulary("hash-algorithm-ov") + "); check its spelling");
            }
        }
    }

    /** Why {@code value} is not a hash of that algorithm, or null; unknown algorithms are not judged. */
    static String problem(String algorithm, String value) {
        int hexLength = switch (algorithm) {
            case "MD5" -> 32;
            case "SHA-1" -> 40;
            case "SHA-256", "SHA3-256" -> 64;
            case "SHA-512", "SHA3-512" -> 128;
            default -> -1;
        };
        if (hexLength > 0 && (value.length() != hexLength || !ValueCheck.isHex(value))) {
            return "an " + algorithm + " hash is " + hexLength + " hexadecimal digits, but this is \""
                    + ValueCheck.abbreviate(value) + "\" (" + value.length() + " characters)";
        }
        if (algorithm.equals("SSDEEP") && !SSDEEP.matcher(value).matches()) {
            return "an SSDEEP hash reads blocksize:hash:hash, but this is \"" + ValueCheck.abbreviate(value) + "\"";
        }
        if (algorithm.equals("TLSH") && !TLSH.matcher(value).matches()) {
            return "a TLSH hash is 70 hexadecimal digits (optionally after T1), but this is \""
                    + ValueCheck.abbreviate(value) + "\"";
        }
        return null;
    }
}
