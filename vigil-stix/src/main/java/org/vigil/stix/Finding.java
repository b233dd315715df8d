package org.vigil.stix;

import java.util.Objects;

/**
 * One thing the validator found wrong (an error breaks a MUST of STIX 2.1) or worth a look (a warning for a
 * SHOULD). {@code code} is stable across releases, {@code pointer} is an RFC 6901 JSON pointer into the
 * object, and {@code message} tells a person what is wrong and what to do about it.
 */
public record Finding(Severity severity, String code, String objectId, String pointer, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the finding is serious enough to reject an object. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code error [code] id /pointer: message}. */
    @Override
    public String toString() {
        return severity.label() + " [" + code + "] " + (objectId == null ? "(no id)" : objectId) + " "
                + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
