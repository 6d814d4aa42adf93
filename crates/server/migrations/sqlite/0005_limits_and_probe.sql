-- A municipality's limit on how many records one device may deliver in 24 hours. A
-- municipality without a row gets Vaksam's default (storage::DEFAULT_RECORDS_PER_DAY).
CREATE TABLE municipality_limits (
    kommunkod                   TEXT PRIMARY KEY,
    records_per_device_per_day  INTEGER NOT NULL CHECK (records_per_device_per_day > 0)
);

-- One row that the server rewrites to prove the database can be written (at start, and
-- from /health while writes are failing).
CREATE TABLE write_probe (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    written_at  TEXT NOT NULL
);
INSERT INTO write_probe (id, written_at) VALUES (1, '');

-- Counting a device's records of the last 24 hours, for the daily limit.
CREATE INDEX incidents_by_device ON incidents (device_id, received_at);
CREATE INDEX signatures_by_device ON signatures (device_id, received_at);
CREATE INDEX training_by_device ON training_sessions (device_id, received_at);
