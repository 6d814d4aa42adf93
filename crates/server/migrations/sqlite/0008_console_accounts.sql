-- The console's people: administrators with one role each. A coordinator, data protection
-- officer or manager belongs to one municipality; a sysadmin (kommunkod NULL) runs the
-- installation and sees no incident content.
CREATE TABLE admins (
    id          TEXT PRIMARY KEY,
    kommunkod   TEXT,
    email       TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('coordinator', 'dpo', 'manager', 'sysadmin')),
    created_at  TEXT NOT NULL,
    disabled_at TEXT,
    CHECK ((role = 'sysadmin') = (kommunkod IS NULL))
);
CREATE UNIQUE INDEX admins_by_email ON admins (COALESCE(kommunkod, ''), email);

-- One-time invite links (CLI): only the SHA-256 of the token is stored. Redeeming one lets
-- its holder register a passkey for the admin.
CREATE TABLE admin_invites (
    token_hash  TEXT PRIMARY KEY,
    admin_id    TEXT NOT NULL REFERENCES admins(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- Registered passkeys (WebAuthn credentials), as webauthn-rs serialises them.
CREATE TABLE admin_passkeys (
    credential_id TEXT PRIMARY KEY,
    admin_id      TEXT NOT NULL REFERENCES admins(id),
    passkey       TEXT NOT NULL,
    label         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT
);
CREATE INDEX admin_passkeys_by_admin ON admin_passkeys (admin_id);

-- Ceremonies in progress (registration or sign-in), kept server-side, short-lived.
CREATE TABLE webauthn_ceremonies (
    id          TEXT PRIMARY KEY,
    admin_id    TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('register', 'authenticate')),
    state       TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

-- Signed-in sessions: only the SHA-256 of the cookie's token is stored. A session ends at
-- the absolute expiry, after the idle timeout, or when ended (sign-out, sign-out
-- everywhere, a new invite for the admin).
CREATE TABLE admin_sessions (
    token_hash   TEXT PRIMARY KEY,
    admin_id     TEXT NOT NULL REFERENCES admins(id),
    csrf         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    ended_at     TEXT
);
CREATE INDEX admin_sessions_by_admin ON admin_sessions (admin_id);

-- Every view of an incident's details and every change, append-only: the triggers refuse
-- updates and deletes. `kommunkod` NULL: an installation-wide event (sysadmin).
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kommunkod  TEXT,
    at         TEXT NOT NULL,
    admin_id   TEXT,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_municipality ON audit_log (kommunkod, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
