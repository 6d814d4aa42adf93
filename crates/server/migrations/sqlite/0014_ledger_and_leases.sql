-- Every record sent through the outbox, whatever its kind: the id is the key, so an id is
-- stored once across every kind by whichever transaction inserts it first, with one
-- writer or many (PostgreSQL). The kind's own table holds the record; this row says which
-- table and whose it is.
CREATE TABLE records (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('incident', 'signature', 'quiz', 'supplement')),
    kommunkod    TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
INSERT INTO records (id, kind, kommunkod, content_hash)
    SELECT id, 'incident', kommunkod, content_hash FROM incidents
    UNION ALL SELECT id, 'signature', kommunkod, content_hash FROM signatures
    UNION ALL SELECT id, 'quiz', kommunkod, content_hash FROM training_sessions
    UNION ALL SELECT id, 'supplement', kommunkod, content_hash FROM supplements;

-- Background work that must happen once however many server instances run (mail about new
-- reports, reminders): the instance that holds a job's lease does it, and renews the
-- lease each round; when it stops, another takes over once the lease has run out.
CREATE TABLE job_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL -- Unix seconds
);
