-- Employees known to the server, per municipality (kommunkod).
CREATE TABLE employees (
    id          TEXT PRIMARY KEY,
    kommunkod   TEXT NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- One-time enrollment codes. Only the SHA-256 of a code is stored.
CREATE TABLE enrollment_codes (
    code_hash   TEXT PRIMARY KEY,
    employee_id TEXT NOT NULL REFERENCES employees(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    device_id   TEXT
);

-- Enrolled devices. Only the SHA-256 of the bearer token is stored.
CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    employee_id TEXT NOT NULL REFERENCES employees(id),
    kommunkod   TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

-- Running case numbers per municipality and year.
CREATE TABLE case_counters (
    kommunkod   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (kommunkod, year)
);

-- The incident register. `id` is the client-made UUIDv7: the primary key is what makes a
-- resend harmless.
CREATE TABLE incidents (
    id                TEXT PRIMARY KEY,
    kommunkod         TEXT NOT NULL,
    device_id         TEXT NOT NULL REFERENCES devices(id),
    case_year         INTEGER NOT NULL,
    case_seq          INTEGER NOT NULL,
    content_hash      TEXT NOT NULL,
    category          TEXT NOT NULL,
    payload           TEXT NOT NULL,
    device_created_at TEXT NOT NULL,
    received_at       TEXT NOT NULL,
    UNIQUE (kommunkod, case_year, case_seq)
);
CREATE INDEX incidents_by_municipality ON incidents (kommunkod, received_at);
