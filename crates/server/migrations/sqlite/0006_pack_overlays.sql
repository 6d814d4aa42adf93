-- Format 2: a municipality's pack is Vaksam's base resolved with the municipality's
-- overlay. Each published version keeps the overlay text it came from and the base version
-- it was resolved with, so that a newer base can be applied to an administrator's overlay at
-- start. Both are NULL for format-1 packs published before this step (they stay readable).
ALTER TABLE packs ADD COLUMN overlay TEXT;
ALTER TABLE packs ADD COLUMN base_version TEXT;

-- "Which municipalities do we serve" asks for the newest pack of each.
CREATE INDEX packs_by_municipality ON packs (kommunkod, id);
