package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
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
 * @param idsDigest the SHA-256, in hex, of the object ids as the store keeps them; the hash covers the ids through
 *     it, so that appending a read of a thousand objects hashes a few kilobytes once. Null for records written
 *     before ids were stored packed, whose hash covers each id (format 1)
 * @param detail anything else, or null
 * @param prevHash the hash of record {@code seq - 1}, or {@link #GENESIS} for the first record
 * @param hash this record's hash, as {@link #computeHash()} gives it when the record is intact
 */
public record AuditRecord(long seq, Instant at, UUID actor, String action, String path, List<String> objectIds,
                          String idsDigest, String detail, String prevHash, String hash) {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        objectIds = List.copyOf(objectIds);
    }

    /**
     * The hash this record should carry: SHA-256 over a format tag, the previous hash and every field, each field
     * length-prefixed so no two different records encode alike. Format 2 covers the ids through {@link #idsDigest};
     * format 1, for records written before it, covers their count and each id.
     */
    public String computeHash() {
        HashInput in = new HashInput(idsDigest == null ? 256 + objectIds.size() * 64 : 512);
        in.field(idsDigest == null ? "vigil-audit-1" : "vigil-audit-2");
        in.field(prevHash);
        in.field(Long.toString(seq));
        in.field(at.getEpochSecond() + "." + at.getNano());
        in.field(actor == null ? null : actor.toString());
        in.field(action);
        in.field(path);
        if (idsDigest == null) {
            in.field(Integer.toString(objectIds.size()));
            for (String id : objectIds) {
                in.field(id);
            }
        } else {
            in.field(idsDigest);
        }
        in.field(detail);
        return HexFormat.of().formatHex(in.sha256());
    }

    /**
     * The bytes a record's hash covers: each field as its UTF-8 length in decimal, a colon and its UTF-8 bytes, or
     * a single dash for an absent field. Built in one buffer because a read's record can name thousands of ids.
     */
    private static final class HashInput {
        private byte[] buf;
        private int size;

        HashInput(int capacity) {
            buf = new byte[capacity];
        }

        void field(String value) {
            if (value == null) {
                ensure(1);
                buf[size++] = '-';
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            prefix(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        private void prefix(int length) {
            String digits = Integer.toString(length);
            ensure(digits.length() + 1);
            for (int i = 0; i < digits.length(); i++) {
                buf[size++] = (byte) digits.charAt(i);
            }
            buf[size++] = ':';
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] sha256() {
            MessageDigest sha = AuditRecord.sha256();
            sha.update(buf, 0, size);
            return sha.digest();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
