package org.vigil.store.internal;

import java.util.List;

/**
 * A statement and its parameters, in order.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param params the values for the placeholders
 */
record SqlQuery(String sql, List<Object> params) {

    SqlQuery {
        params = List.copyOf(params);
    }
}
