package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One record of the append-only audit log. Each record carries the hash of the one before it and its own hash
 * over that and its fields, so a changed, removed or inserted record breaks the chain.
 *
 * @param seq the position in the log, from 1 with no gaps
 * @param at when it was appended, to the microsecond
 * @param actor the user, or null for an anonymous caller
 * @param action what happened
 * @param path the request path or command, or null
 * @param objectIds the objects involved
 * @param detail anything else, or null
 * @param prevHash the hash of record {@code seq - 1}, or {@link #GENESIS} for the first record
 * @param hash this record's hash, as {@link #computeHash()} gives it when the record is intact
 */
public record AuditRecord(long seq, Instant at, UUID actor, String action, String path, List<String> objectIds,
                          String detail, String prevHash, String hash) {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        objectIds = List.copyOf(objectIds);
    }

    /**
     * The hash this record should carry: SHA-256 over a version tag, the previous hash and every field, each
     * field length-prefixed so no two different records encode alike.
     */
    public String computeHash() {
        MessageDigest sha = sha256();
        field(sha, "vigil-audit-1");
        field(sha, prevHash);
        field(sha, Long.toString(seq));
        field(sha, Long.toString(at.getEpochSecond()) + "." + at.getNano());
        field(sha, actor == null ? null : actor.toString());
        field(sha, action);
        field(sha, path);
        field(sha, Integer.toString(objectIds.size()));
        objectIds.forEach(id -> field(sha, id));
        field(sha, detail);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) '-');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
