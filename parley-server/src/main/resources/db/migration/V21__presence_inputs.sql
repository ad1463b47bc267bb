-- Rich presence (issue 5): phone-line and third-party application states pushed over the
-- Presence Web Service survive a restart. kind is 'phone' (name: the line, state: ringing|busy|dnd;
-- idle lines are not stored) or 'app' (name: the application, state: a show name, status: its text).
-- Keyed by bare JID rather than username: inputs may be pushed for users of any served domain.
CREATE TABLE presence_inputs (
    jid     VARCHAR(1023) NOT NULL,
    kind    VARCHAR(8)    NOT NULL,
    name    VARCHAR(64)   NOT NULL,
    state   VARCHAR(16)   NOT NULL,
    status  VARCHAR(1024),
    PRIMARY KEY (jid, kind, name)
);
