-- Travel alerts and notifications (issue 10). Keep in step with ../sqlite/V8__publishers_and_webhooks.sql.

-- The right to publish travel alerts (vigil user set NAME --publisher).
ALTER TABLE users ADD COLUMN publisher BOOLEAN NOT NULL DEFAULT FALSE;

-- Webhook subscriptions. Each acts as its user; what it has delivered is kept as a cursor per collection below,
-- so a notification is never lost between an acknowledged write and its delivery (at least once).
CREATE TABLE webhooks (
    id               UUID    PRIMARY KEY,
    user_id          UUID    NOT NULL REFERENCES users (id),
    url              TEXT    NOT NULL,
    -- the whsec_ secret; the hub needs it in the clear to sign deliveries
    secret           TEXT    NOT NULL,
    -- comma-separated; NULL means every collection the user may read / every type
    collections      TEXT,
    types            TEXT,
    -- comma-separated location ids: only objects that name one of them; NULL for every object
    places           TEXT,
    events           TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    failing          BOOLEAN NOT NULL DEFAULT FALSE,
    failures         INTEGER NOT NULL DEFAULT 0,
    first_failure_at BIGINT,
    next_attempt_at  BIGINT  NOT NULL DEFAULT 0,
    last_error       TEXT
);

-- Where a subscription's deliveries stand in a collection: everything added at or before after_added went out.
CREATE TABLE webhook_cursors (
    webhook_id    UUID    NOT NULL REFERENCES webhooks (id),
    collection_id UUID    NOT NULL REFERENCES collections (id),
    after_added   BIGINT  NOT NULL,
    PRIMARY KEY (webhook_id, collection_id)
);

-- Travellers' e-mail subscriptions, double opt-in: confirmed once the link sent to the address is followed. The
-- token is in every message's one-click unsubscribe link (RFC 8058), so it is kept as it was given out.
CREATE TABLE email_subscriptions (
    id         UUID    PRIMARY KEY,
    address    TEXT    NOT NULL,
    -- comma-separated location ids; NULL for every place
    places     TEXT,
    token      TEXT    NOT NULL UNIQUE,
    confirmed  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);

-- Where a named background pass over a collection stands (the alert mailer): everything up to after_added is done.
CREATE TABLE work_positions (
    name        TEXT    NOT NULL PRIMARY KEY,
    after_added BIGINT NOT NULL
);
