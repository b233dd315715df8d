package org.vigil.app;

import java.sql.SQLException;
import java.sql.Statement;

final class SqliteAuditTest extends AuditContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }

    @Override
    void dropProtection(Statement st) throws SQLException {
        st.execute("DROP TRIGGER audit_no_update");
        st.execute("DROP TRIGGER audit_no_delete");
        st.execute("DROP TRIGGER audit_id_lists_no_update");
        st.execute("DROP TRIGGER audit_id_lists_no_delete");
    }
}
