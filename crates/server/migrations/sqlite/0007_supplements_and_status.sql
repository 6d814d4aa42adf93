-- Where the municipality stands with each case: received (the default for every incident
-- stored before this), in_progress or closed; and when that last changed (NULL: never).
ALTER TABLE incidents ADD COLUMN status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'in_progress', 'closed'));
ALTER TABLE incidents ADD COLUMN status_changed_at TEXT;

-- What employees add to a report after sending it. `id` is the client-made UUIDv7 (unique
-- across every record table, like the others); a supplement always belongs to an incident
-- of its own municipality, and its receipt carries that incident's case number.
CREATE TABLE supplements (
    id                TEXT PRIMARY KEY,
    incident_id       TEXT NOT NULL REFERENCES incidents(id),
    kommunkod         TEXT NOT NULL,
    device_id         TEXT NOT NULL REFERENCES devices(id),
    content_hash      TEXT NOT NULL,
    payload           TEXT NOT NULL,
    device_created_at TEXT NOT NULL,
    received_at       TEXT NOT NULL
);
CREATE INDEX supplements_by_incident ON supplements (incident_id, received_at);
CREATE INDEX supplements_by_device ON supplements (device_id, received_at);

-- A supplement's receipt: its own time, its incident's case number and status.
CREATE VIEW supplement_receipts AS
    SELECT s.id, s.kommunkod, s.content_hash, s.incident_id,
           i.case_year, i.case_seq, s.received_at, i.status, i.status_changed_at
    FROM supplements s JOIN incidents i ON i.id = s.incident_id;
