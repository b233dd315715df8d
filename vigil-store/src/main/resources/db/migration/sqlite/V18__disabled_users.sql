-- Users an administrator has disabled (the administration page, vigil user set NAME --disable): no password,
-- token or session of theirs is accepted. Keep in step with ../postgresql/V18__disabled_users.sql.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
