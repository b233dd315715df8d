package org.vigil.store.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * How an audit record's object ids are stored. A read of one page names up to thousands of ids, and every byte of
 * them is written to the log, synced and checkpointed, so they are packed: each distinct type once, then every id
 * of the form {@code type--uuid} as a reference to its type and the UUID's 16 bytes, any other id as its UTF-8
 * bytes. A STIX id takes 17 bytes instead of some 50.
 *
 * <p>Layout: a format byte (1); the number of types, then each as a length and its UTF-8 bytes; the number of ids,
 * then each as a tag and its body. An even tag is twice a type's index and is followed by the UUID, most significant
 * byte first; an odd tag is twice a byte length plus one and is followed by that many bytes. Numbers are unsigned
 * LEB128 varints.
 *
 * <p>Logs written before packing hold the ids as text (a newline before the first id and after each, backslashes
 * and newlines escaped); {@link #unpack} reads both forms. Records of packed ids are hashed over the packed bytes'
 * {@link #digest}, which is also the key of a list shared by several records; older records over each id.
 */
final class AuditIds {

    private static final byte PACKED = 1;
    private static final int UUID_TEXT = 36;
    /** The value of each lowercase hex digit by character; -1 for every other ASCII character. */
    private static final byte[] HEX = new byte[128];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX["0123456789abcdef".charAt(i)] = (byte) i;
        }
    }

    private AuditIds() {
    }

    static byte[] pack(List<String> ids) {
        List<String> typeOrder = new ArrayList<>();
        Bytes body = new Bytes(ids.size() * 18);
        for (String id : ids) {
            UUID uuid = canonicalUuid(id);
            if (uuid == null) {
                byte[] raw = id.getBytes(StandardCharsets.UTF_8);
                body.varint(2L * raw.length + 1).write(raw);
                continue;
            }
            body.varint(2L * typeIndex(typeOrder, id, id.length() - UUID_TEXT - 2)).uuid(uuid);
        }
        Bytes out = new Bytes(body.size + 64);
        out.varint(PACKED).varint(typeOrder.size());
        for (String type : typeOrder) {
            byte[] name = type.getBytes(StandardCharsets.UTF_8);
            out.varint(name.length).write(name);
        }
        out.varint(ids.size()).write(body.buf, body.size);
        return out.toArray();
    }

    /** The key of a packed list stored once and shared by the records that name it: its SHA-256, in hex. */
    static String digest(byte[] packed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(packed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /**
     * The index of the id's type in the list, added when new. A page names a handful of types, so a scan that
     * compares in place beats hashing a substring of every id.
     */
    private static int typeIndex(List<String> types, String id, int typeLength) {
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i);
            if (t.length() == typeLength && id.startsWith(t)) {
                return i;
            }
        }
        types.add(id.substring(0, typeLength));
        return types.size() - 1;
    }

    /** Whether stored ids are in the packed form rather than the text form of older logs. */
    static boolean isPacked(byte[] stored) {
        return stored.length > 0 && stored[0] != '\n';
    }

    static List<String> unpack(byte[] stored) {
        if (!isPacked(stored)) {
            return decodeText(new String(stored, StandardCharsets.UTF_8));
        }
        if (stored[0] != PACKED) {
            throw new IllegalArgumentException("unknown object id format " + stored[0] + " in an audit record");
        }
        ByteBuffer in = ByteBuffer.wrap(stored, 1, stored.length - 1);
        String[] types = new String[atMostRemaining(in, varint(in))];
        for (int i = 0; i < types.length; i++) {
            types[i] = utf8(in, atMostRemaining(in, varint(in)));
        }
        int count = atMostRemaining(in, varint(in));
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long tag = varint(in);
            if ((tag & 1) == 0) {
                ids.add(types[(int) (tag >>> 1)] + "--" + new UUID(in.getLong(), in.getLong()));
            } else {
                ids.add(utf8(in, atMostRemaining(in, tag >>> 1)));
            }
        }
        return ids;
    }

    /**
     * Byte strings of which at least one occurs in every stored form that names the id: its packed body (the UUID,
     * or the tagged bytes) and its text form. They can also occur by chance elsewhere, so a match is a candidate
     * to confirm by unpacking.
     */
    static List<byte[]> needles(String id) {
        UUID uuid = canonicalUuid(id);
        byte[] packed;
        if (uuid != null) {
            packed = new Bytes(16).uuid(uuid).toArray();
        } else {
            byte[] raw = id.getBytes(StandardCharsets.UTF_8);
            packed = new Bytes(raw.length + 5).varint(2L * raw.length + 1).write(raw).toArray();
        }
        byte[] text = ("\n" + escape(id) + "\n").getBytes(StandardCharsets.UTF_8);
        return List.of(packed, text);
    }

    /**
     * The UUID of an id of the form type--uuid whose UUID is written as {@link UUID#toString()} writes it (lowercase,
     * hyphenated), or null. Parsed by hand: a page's record packs a thousand of these.
     */
    private static UUID canonicalUuid(String id) {
        int start = id.length() - UUID_TEXT;
        if (start < 3 || !id.startsWith("--", start - 2) || id.charAt(start + 8) != '-'
                || id.charAt(start + 13) != '-' || id.charAt(start + 18) != '-' || id.charAt(start + 23) != '-') {
            return null;
        }
        long a = hex(id, start, 8);
        long b = hex(id, start + 9, 4);
        long c = hex(id, start + 14, 4);
        long d = hex(id, start + 19, 4);
        long e = hex(id, start + 24, 12);
        if ((a | b | c | d | e) < 0) {
            return null;
        }
        return new UUID(a << 32 | b << 16 | c, d << 48 | e);
    }

    /** The value of lowercase hex digits, or -1 if any is not one. */
    private static long hex(String s, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            int digit = ch < HEX.length ? HEX[ch] : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** A growing byte array, unsynchronised: packing a page's ids writes to it some three thousand times. */
    private static final class Bytes {
        private byte[] buf;
        private int size;

        Bytes(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        Bytes varint(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                buf[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buf[size++] = (byte) value;
            return this;
        }

        Bytes uuid(UUID uuid) {
            ensure(16);
            putLong(uuid.getMostSignificantBits());
            putLong(uuid.getLeastSignificantBits());
            return this;
        }

        private void putLong(long v) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }

        Bytes write(byte[] bytes) {
            return write(bytes, bytes.length);
        }

        Bytes write(byte[] bytes, int length) {
            ensure(length);
            System.arraycopy(bytes, 0, buf, size, length);
            size += length;
            return this;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number in an audit record's object ids runs past 64 bits");
    }

    /**
     * A count or length read from stored ids, which cannot exceed the bytes left (each item takes at least one):
     * altered bytes must make the ids unreadable, not exhaust memory.
     */
    private static int atMostRemaining(ByteBuffer in, long n) {
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("a count of " + n + " in an audit record's object ids runs past its "
                    + in.remaining() + " remaining bytes");
        }
        return (int) n;
    }

    private static String utf8(ByteBuffer in, int length) {
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static List<String> decodeText(String text) {
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
