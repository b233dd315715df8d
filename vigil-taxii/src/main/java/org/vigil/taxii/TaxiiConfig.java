package org.vigil.taxii;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the TAXII server presents itself and what it allows.
 *
 * @param host the address to listen on
 * @param port the port, or 0 for any free one
 * @param title the discovery title
 * @param description the discovery description, or null
 * @param keystore a PKCS#12 keystore to serve TLS from, or null for plain HTTP
 * @param keystorePassword the keystore's password
 * @param pageSize the most objects in one page
 * @param tokenKey the secret that signs next tokens (at least 32 bytes; keep it across restarts)
 */
public record TaxiiConfig(String host, int port, String title, String description, Path keystore,
                          String keystorePassword, int pageSize, byte[] tokenKey) {

    public TaxiiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(tokenKey, "tokenKey");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }
}
