-- The organisation tree. Kinds are data (province, commune, ward, school, ...).
-- `path` is the materialized path of ids, '/1/5/23/': a subtree is one range scan on its index.
CREATE TABLE org_units (
    id        INTEGER PRIMARY KEY,
    code      TEXT    NOT NULL UNIQUE,
    parent_id INTEGER REFERENCES org_units (id),
    kind      TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    path      TEXT    NOT NULL UNIQUE
);

CREATE INDEX org_units_parent ON org_units (parent_id);
