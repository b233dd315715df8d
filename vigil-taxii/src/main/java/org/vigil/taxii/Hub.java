package org.vigil.taxii;

import org.vigil.access.Authenticator;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;

/**
 * What the TAXII server needs from the rest of Vigil: who is calling, and the one read path and write path.
 * The server holds no store of its own, so it cannot read around the policy.
 */
public record Hub(Authenticator authenticator, ReadPath reads, WritePath writes) {
}
