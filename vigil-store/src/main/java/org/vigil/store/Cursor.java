package org.vigil.store;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Where a page of query results stopped, to continue from there (keyset pagination). Callers treat it as
 * opaque: they hand out {@link #token()} and turn it back with {@link #parse(String)}.
 *
 * <p>A date_added is unique within a collection (the store assigns them strictly increasing, and a unique index
 * enforces it), so the last date_added of a page orders results totally and needs no further tiebreak.
 */
public final class Cursor {

    private static final byte FORMAT = 1;

    private final long dateAddedMicros;

    private Cursor(long dateAddedMicros) {
        this.dateAddedMicros = dateAddedMicros;
    }

    /** For the store's implementations: the cursor after a row added at this instant (microseconds). */
    public static Cursor afterMicros(long dateAddedMicros) {
        return new Cursor(dateAddedMicros);
    }

    /** The date_added, in microseconds since the epoch, after which the next page starts. */
    public long dateAddedMicros() {
        return dateAddedMicros;
    }

    /** The cursor as URL-safe text. */
    public String token() {
        ByteBuffer bytes = ByteBuffer.allocate(9).put(FORMAT).putLong(dateAddedMicros);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Reads a token made by {@link #token()}; anything else is an IllegalArgumentException. */
    public static Cursor parse(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + token + "' is not a page cursor", e);
        }
        if (bytes.length != 9 || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("'" + token + "' is not a page cursor");
        }
        return new Cursor(ByteBuffer.wrap(bytes, 1, 8).getLong());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor other && other.dateAddedMicros == dateAddedMicros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(dateAddedMicros);
    }

    @Override
    public String toString() {
        return "Cursor[" + token() + "]";
    }
}
