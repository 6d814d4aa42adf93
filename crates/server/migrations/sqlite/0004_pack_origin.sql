-- Who published a pack version: 'shipped' (serve, from the packs built into the binary),
-- 'admin' (`pack publish`), or 'unknown' for versions published before this column.
-- A shipped pack never replaces one an admin published.
ALTER TABLE packs ADD COLUMN origin TEXT NOT NULL DEFAULT 'unknown';
