-- Published content packs. Every version is kept: a signature made offline against an
-- older version is checked against the text that phone showed.
CREATE TABLE packs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kommunkod    TEXT NOT NULL,
    version      TEXT NOT NULL,
    body         TEXT NOT NULL, -- the pack as JSON, byte for byte as served
    etag         TEXT NOT NULL,
    published_at TEXT NOT NULL,
    UNIQUE (kommunkod, version)
);

-- The signature log: append-only and hash-chained per municipality. Each entry's hash
-- covers the previous entry's hash and its own content (see src/chain.rs), so a changed or
-- removed row breaks the chain at that point.
CREATE TABLE signatures (
    kommunkod           TEXT NOT NULL,
    seq                 INTEGER NOT NULL,
    id                  TEXT NOT NULL UNIQUE,
    device_id           TEXT NOT NULL REFERENCES devices(id),
    employee_id         TEXT NOT NULL REFERENCES employees(id),
    content_hash        TEXT NOT NULL,
    payload             TEXT NOT NULL,
    device_created_at   TEXT NOT NULL,
    received_at         TEXT NOT NULL,
    prev_hash           TEXT NOT NULL,
    entry_hash          TEXT NOT NULL,
    PRIMARY KEY (kommunkod, seq)
);
CREATE INDEX signatures_by_employee ON signatures (employee_id, seq);

-- The newest entry per municipality, written in the same transaction as the entry; lets
-- verification notice entries removed from the end of the log.
CREATE TABLE signature_heads (
    kommunkod TEXT PRIMARY KEY,
    last_seq  INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);

CREATE TRIGGER signatures_append_only_update BEFORE UPDATE ON signatures
BEGIN
    SELECT RAISE(ABORT, 'the signature log is append-only');
END;
CREATE TRIGGER signatures_append_only_delete BEFORE DELETE ON signatures
BEGIN
    SELECT RAISE(ABORT, 'the signature log is append-only');
END;
