-- Leases on background work that one node at a time must do (a user's webhook deliveries): whoever holds a lease
-- until a time does the work; another node takes it over once it runs out. Keep in step with
-- ../sqlite/V16__work_leases.sql.
CREATE TABLE work_leases (
    name     TEXT   NOT NULL PRIMARY KEY,
    holder   TEXT,
    until_at BIGINT NOT NULL
);
