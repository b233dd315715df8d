package org.vigil.taxii.internal;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.vigil.access.Authenticator;
import org.vigil.access.Principal;

/**
 * Works out who sent a request: HTTP Basic, a bearer token, or no credentials (anonymous). Bad credentials are
 * a 401 with a WWW-Authenticate challenge, never a silent downgrade to anonymous.
 */
public final class Caller {

    public static final String CHALLENGE = "Basic realm=\"vigil\", Bearer realm=\"vigil\"";

    private Caller() {
    }

    public static Principal of(Context ctx, Authenticator auth) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Principal.anonymous();
        }
        String path = ctx.path();
        Optional<Principal> p;
        if (startsWithIgnoreCase(header, "Basic ")) {
            p = basic(header.substring(6).trim(), auth, path);
        } else if (startsWithIgnoreCase(header, "Bearer ")) {
            p = auth.token(header.substring(7).trim(), path);
        } else {
            throw unauthorized("the Authorization header must use Basic or Bearer");
        }
        return p.orElseThrow(() -> unauthorized("the user name and password, or the token, were not accepted"));
    }

    private static Optional<Principal> basic(String encoded, Authenticator auth, String path) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("the Basic credentials are not valid base64");
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw unauthorized("the Basic credentials must be user:password");
        }
        return auth.password(pair.substring(0, colon), pair.substring(colon + 1).toCharArray(), path);
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    public static TaxiiException unauthorized(String description) {
        return new TaxiiException(401, "Unauthorized", description);
    }
}
