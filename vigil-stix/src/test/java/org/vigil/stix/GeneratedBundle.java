package org.vigil.stix;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A bundle of {@code count} valid relationships produced on the fly, so tests can stream gigabytes without disk. */
final class GeneratedBundle extends InputStream {

    private static final String HEAD = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[";
    private final long count;
    private long produced;
    private byte[] chunk = HEAD.getBytes(StandardCharsets.UTF_8);
    private int pos;
    private boolean done;

    GeneratedBundle(long count) {
        this.count = count;
    }

    static String relationship(long i) {
        String uuid = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i & 0xffffffffL, i);
        return "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--" + uuid + "\","
                + "\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-02T00:00:00.000Z\","
                + "\"relationship_type\":\"uses\",\"description\":\"" + "padding ".repeat(100) + "\","
                + "\"source_ref\":\"intrusion-set--" + uuid + "\",\"target_ref\":\"malware--" + uuid + "\"}";
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (pos == chunk.length && !refill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, buf, off, n);
        pos += n;
        return n;
    }

    private boolean refill() {
        if (done) {
            return false;
        }
        String next;
        if (produced < count) {
            next = (produced == 0 ? "" : ",") + relationship(produced);
            produced++;
        } else {
            next = "]}";
            done = true;
        }
        chunk = next.getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }

    /** Run in a child JVM with a small heap: validates a generated bundle and prints the object count. */
    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        try (BundleReader reader = BundleReader.open(new GeneratedBundle(n), "generated")) {
            Validator.Summary s = Validator.standard().validate(reader, f -> { });
            System.out.println(s.objects() + " " + s.errors() + " " + s.warnings());
        }
    }
}
