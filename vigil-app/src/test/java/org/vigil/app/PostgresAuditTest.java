package org.vigil.app;

import java.sql.SQLException;
import java.sql.Statement;

final class PostgresAuditTest extends AuditContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }

    @Override
    void dropProtection(Statement st) throws SQLException {
        st.execute("DROP TRIGGER audit_no_change ON audit");
        st.execute("DROP TRIGGER audit_id_lists_no_change ON audit_id_lists");
    }
}
