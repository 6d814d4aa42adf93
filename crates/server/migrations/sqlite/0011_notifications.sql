-- Mail to the municipality when a report arrives. Which roles hear of which report is per
-- municipality (a row here), with Vaksam's default for municipalities without one: at once
-- to coordinators and data protection officers when personal data are or may be involved
-- or the incident is still going on, and to coordinators for every other report.
CREATE TABLE mail_settings (
    kommunkod    TEXT PRIMARY KEY,
    urgent_roles TEXT NOT NULL DEFAULT 'coordinator,dpo',
    other_roles  TEXT NOT NULL DEFAULT 'coordinator',
    enabled      INTEGER NOT NULL DEFAULT 1
);

-- When this installation began sending mail: reports received before are never mailed
-- (a server upgraded with years of reports does not mail them all).
CREATE TABLE mail_state (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    since TEXT NOT NULL
);

-- One row per report and recipient, written when the mail was sent or failed; a failed
-- one is tried again from `next_attempt_at`.
CREATE TABLE notifications (
    incident_id     TEXT NOT NULL REFERENCES incidents(id),
    admin_id        TEXT NOT NULL REFERENCES admins(id),
    attempts        INTEGER NOT NULL DEFAULT 0,
    sent_at         TEXT,
    next_attempt_at TEXT,
    last_error      TEXT,
    PRIMARY KEY (incident_id, admin_id)
);
