-- Sign-in with the municipality's own account (OpenID Connect): one identity provider per
-- municipality, set with `vaksam-server oidc set`.
-- email_domains: JSON array of folded domains an e-mail address must end in.
-- claim_*: the names of the claims that carry each value (employee id and workplace are
-- optional). group_claim and group_roles (JSON object group → role): when set, a console
-- sign-in creates or updates the admin with the role their group gives.
-- client_secret: needed to redeem codes, so it is stored as given: protect the database
-- and its backups like the secret itself.
CREATE TABLE oidc_providers (
    kommunkod         TEXT PRIMARY KEY,
    issuer            TEXT NOT NULL,
    client_id         TEXT NOT NULL,
    client_secret     TEXT NOT NULL,
    email_domains     TEXT NOT NULL,
    extra_scopes      TEXT NOT NULL DEFAULT '',
    claim_name        TEXT NOT NULL,
    claim_email       TEXT NOT NULL,
    claim_employee_id TEXT,
    claim_workplace   TEXT,
    group_claim       TEXT,
    group_roles       TEXT NOT NULL DEFAULT '{}',
    updated_at        TEXT NOT NULL
);

-- Sign-ins in progress, between the redirect to the provider and its answer: one use,
-- short-lived. Keyed by the SHA-256 of the `state` sent through the browser; the nonce
-- and the PKCE verifier never leave the server. browser_hash: the SHA-256 of the cookie
-- that binds the flow to the browser that started it.
CREATE TABLE oidc_flows (
    state_hash    TEXT PRIMARY KEY,
    kommunkod     TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('console', 'enroll')),
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    browser_hash  TEXT NOT NULL,
    next          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);
CREATE INDEX oidc_flows_by_expiry ON oidc_flows (expires_at);

-- Employees a sign-in matched or created (the directory's rows keep their own columns):
-- `created` 1 when the sign-in made the row (its source is OIDC), the provider's subject
-- for reference.
CREATE TABLE oidc_employees (
    employee_id   TEXT PRIMARY KEY REFERENCES employees(id),
    kommunkod     TEXT NOT NULL,
    subject       TEXT NOT NULL,
    created       INTEGER NOT NULL CHECK (created IN (0, 1)),
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL
);
