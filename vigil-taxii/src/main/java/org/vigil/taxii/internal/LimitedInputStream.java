package org.vigil.taxii.internal;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.IOException;

/**
 * Stops reading a request body as soon as it passes the API root's max_content_length, so that a body with no
 * declared length (chunked) cannot exhaust memory before the limit is noticed.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            tally(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            tally(n);
        }
        return n;
    }

    private void tally(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    static TaxiiException tooLarge(long limit) {
        return new TaxiiException(413, "Request too large", "the request body is larger than this API root's "
                + "max_content_length of " + limit + " bytes; send the objects in smaller envelopes");
    }
}
