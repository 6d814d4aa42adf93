-- What the municipality records about each case in the console: who works on it, the
-- GDPR and cybersäkerhetslag decisions (JSON of the core's BreachDecision and
-- Nis2Decision), the CERT-SE category, the closing summary, and the short message the
-- employee's phone shows. One row per incident, made when first needed.
CREATE TABLE case_triage (
    incident_id         TEXT PRIMARY KEY REFERENCES incidents(id),
    kommunkod           TEXT NOT NULL,
    assignee_id         TEXT REFERENCES admins(id),
    breach              TEXT NOT NULL DEFAULT '{}',
    nis2                TEXT NOT NULL DEFAULT '{}',
    cert_se             TEXT,
    closing_summary     TEXT NOT NULL DEFAULT '',
    employee_message    TEXT,
    employee_message_at TEXT,
    updated_at          TEXT NOT NULL
);
CREATE INDEX case_triage_by_assignee ON case_triage (kommunkod, assignee_id);

-- Internal notes on a case, append-only.
CREATE TABLE case_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    kommunkod   TEXT NOT NULL,
    admin_id    TEXT,
    author      TEXT NOT NULL,
    at          TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX case_notes_by_incident ON case_notes (incident_id, id);
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes
    BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes
    BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;

-- Handovers to other routines (lex Sarah, lex Maria, police, other).
CREATE TABLE case_handovers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    kommunkod   TEXT NOT NULL,
    routine     TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    admin_id    TEXT,
    author      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX case_handovers_by_incident ON case_handovers (incident_id, id);

-- The authorities the console names, as data: authorities are renamed (MSB became
-- Myndigheten för civilt försvar, MCF, on 1 January 2026), so no page spells them in code.
CREATE TABLE authorities (
    key      TEXT PRIMARY KEY,
    name_sv  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    url      TEXT NOT NULL
);
INSERT INTO authorities (key, name_sv, name_en, url) VALUES
    ('imy', 'Integritetsskyddsmyndigheten (IMY)',
            'the Swedish Authority for Privacy Protection (IMY)', 'https://www.imy.se'),
    ('cert_se', 'CERT-SE vid Myndigheten för civilt försvar (MCF)',
            'CERT-SE at the Swedish Civil Defence and Resilience Agency (MCF)', 'https://www.cert.se');
