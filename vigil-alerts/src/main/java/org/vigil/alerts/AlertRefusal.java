package org.vigil.alerts;

/**
 * A request about an alert that Vigil refuses, with a message for the person who made it: what is wrong and what
 * to do instead. The message never describes an object the public may not see.
 */
public final class AlertRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public AlertRefusal(String message) {
        this(422, message);
    }

    public AlertRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status that fits: 403 without the right, 404 for no such alert, else 422. */
    public int status() {
        return status;
    }

    static AlertRefusal notFound(String id) {
        return new AlertRefusal(404, "no alert " + id + " that you may see; see vigil alert list");
    }
}
