package org.vigil.stix;

import java.util.List;

/** Collects the findings for one object, stamping each with the object's id. */
final class Findings {

    private final List<Finding> out;
    private final String objectId;

    Findings(List<Finding> out, String objectId) {
        this.out = out;
        this.objectId = objectId;
    }

    void error(String code, String pointer, String message) {
        out.add(new Finding(Severity.ERROR, code, objectId, pointer, message));
    }

    void warn(String code, String pointer, String message) {
        out.add(new Finding(Severity.WARNING, code, objectId, pointer, message));
    }

    /** A JSON pointer one step down; escapes per RFC 6901. */
    static String child(String pointer, String name) {
        if (name.indexOf('~') >= 0 || name.indexOf('/') >= 0) {
            name = name.replace("~", "~0").replace("/", "~1");
        }
        return pointer + "/" + name;
    }

    /**
     * The last step of a pointer, for messages that name a property; a list item is named by its list, as in
     * {@code object_refs[2]}, since an index alone tells a person nothing.
     */
    static String leaf(String pointer) {
        int slash = pointer.lastIndexOf('/');
        String last = pointer.substring(slash + 1);
        if (slash > 0 && !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return leaf(pointer.substring(0, slash)) + "[" + last + "]";
        }
        return last.replace("~1", "/").replace("~0", "~");
    }
}
