-- The staff directory: workplaces (enhet) with their managers, and employees with the
-- keys an import or a sign-in matches them by. Employees made by `enroll` before the
-- directory existed keep their row with only a name.

-- `name_key` is the name folded by the server (trimmed, single spaces, Unicode lower case):
-- SQLite's own lower() folds ASCII only, so "Hemtjänst Norr" and "HEMTJÄNST NORR" would
-- otherwise be two workplaces.
CREATE TABLE workplaces (
    id          TEXT PRIMARY KEY,
    kommunkod   TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (kommunkod, name_key)
);

-- A workplace's managers, by e-mail (folded): the manager's console account, when they
-- have one, is the admin with that e-mail in the same municipality.
CREATE TABLE workplace_managers (
    workplace_id TEXT NOT NULL REFERENCES workplaces(id),
    email        TEXT NOT NULL,
    PRIMARY KEY (workplace_id, email)
);
CREATE INDEX workplace_managers_by_email ON workplace_managers (email);

-- email: folded; employee_number: as the HR system writes it (trimmed).
-- started_on: the first day of employment (YYYY-MM-DD) when known; the grace period for
-- new employees counts from it, or from created_at when it is not known.
-- removed_at: offboarded. The row stays, so signatures and training results keep their
-- employee; their devices are revoked in the same transaction.
ALTER TABLE employees ADD COLUMN email TEXT;
ALTER TABLE employees ADD COLUMN employee_number TEXT;
ALTER TABLE employees ADD COLUMN workplace_id TEXT REFERENCES workplaces(id);
ALTER TABLE employees ADD COLUMN started_on TEXT;
ALTER TABLE employees ADD COLUMN removed_at TEXT;
ALTER TABLE employees ADD COLUMN updated_at TEXT;

CREATE UNIQUE INDEX employees_by_email ON employees (kommunkod, email)
    WHERE email IS NOT NULL AND removed_at IS NULL;
CREATE UNIQUE INDEX employees_by_number ON employees (kommunkod, employee_number)
    WHERE employee_number IS NOT NULL AND removed_at IS NULL;
CREATE INDEX employees_by_workplace ON employees (workplace_id);
CREATE INDEX devices_by_employee ON devices (employee_id);
CREATE INDEX enrollment_codes_by_employee ON enrollment_codes (employee_id);

-- Reminders by e-mail (overdue employees; the weekly digest to managers). On unless a
-- municipality has turned them off.
CREATE TABLE reminder_settings (
    kommunkod   TEXT PRIMARY KEY,
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    updated_at  TEXT NOT NULL
);

-- Each reminder sent, so none goes twice in its period: `period` is the ISO week
-- ("2026-W49") of a digest, or the due dates of what an employee's reminder is about plus
-- the reminder's number ("sign:2026-12-01|train:-#1").
CREATE TABLE reminders_sent (
    kommunkod   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('employee', 'digest')),
    recipient   TEXT NOT NULL,
    period      TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (kommunkod, kind, recipient, period)
);
