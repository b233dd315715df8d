package org.vigil.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A store operation failed; the message names the operation and the collection, object or record involved. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database could not be reached (it is restarting, or the network to it is down), as opposed to
     * refusing the operation: a caller may simply try again shortly. Told by SQLSTATE class 08 (connection
     * exception), PostgreSQL's 57P01–57P03 (shutting down, cannot connect now), or the pool timing out while it
     * waits for a connection.
     */
    public boolean isUnavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
