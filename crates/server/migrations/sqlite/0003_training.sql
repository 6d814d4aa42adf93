-- Training results: one row per finished quiz session, as the phone sent it. The payload
-- is a vaksam_core::quiz::QuizResult, checked against the pack version it names.
CREATE TABLE training_sessions (
    id                  TEXT PRIMARY KEY,
    kommunkod           TEXT NOT NULL,
    device_id           TEXT NOT NULL REFERENCES devices(id),
    employee_id         TEXT NOT NULL REFERENCES employees(id),
    content_hash        TEXT NOT NULL,
    bank_version        TEXT NOT NULL,
    payload             TEXT NOT NULL,
    device_created_at   TEXT NOT NULL,
    received_at         TEXT NOT NULL
);
CREATE INDEX training_by_employee ON training_sessions (kommunkod, employee_id);
