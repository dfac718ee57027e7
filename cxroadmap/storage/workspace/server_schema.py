"""The workspace's PostgreSQL schema: versioned migrations, row-level security, history.

Items are rows of `cxroadmap.item`; a BEFORE trigger stamps each write with the next
revision, the writing role and the time (after taking the workspace's write lock, so
revisions commit in order), and an AFTER trigger records every changed field in
`cxroadmap.history`. Policies let a role read the strategies granted to it (or to a
role it belongs to) and write only those it may edit; the owner of the tables (who
ran `workspace init`) is not bound by them and administers the grants.
"""

from __future__ import annotations

SCHEMA = "cxroadmap"
# pg_advisory_xact_lock key of the one writer at a time ('CXRD').
WRITE_LOCK = 0x43585244

_V1 = f"""
CREATE SCHEMA IF NOT EXISTS cxroadmap;
CREATE TABLE cxroadmap.meta (name text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE cxroadmap.revision;
CREATE TABLE cxroadmap.item (
    id bigserial PRIMARY KEY,
    strategy text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('strategy', 'initiative', 'dependency')),
    key text NOT NULL,
    rev bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    fields jsonb NOT NULL,
    changed_by name NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    copy_id text NOT NULL DEFAULT '',
    UNIQUE (strategy, kind, key)
);
CREATE INDEX item_rev ON cxroadmap.item (rev);
CREATE TABLE cxroadmap.access (
    role name NOT NULL,
    strategy text NOT NULL,
    can_edit boolean NOT NULL,
    PRIMARY KEY (role, strategy)
);
CREATE TABLE cxroadmap.history (
    id bigserial PRIMARY KEY,
    rev bigint NOT NULL,
    strategy text NOT NULL,
    kind text NOT NULL,
    key text NOT NULL,
    field text NOT NULL,
    old_value jsonb,
    new_value jsonb,
    role name NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX history_item ON cxroadmap.history (strategy, kind, key);
CREATE INDEX history_rev ON cxroadmap.history (strategy, rev);

-- What the current role may see: its own grants and those of the roles it belongs to.
CREATE VIEW cxroadmap.my_access AS
    SELECT a.strategy, bool_or(a.can_edit) AS can_edit
    FROM cxroadmap.access a
    WHERE a.role IN (
        SELECT r.rolname FROM pg_roles r WHERE pg_has_role(current_user, r.oid, 'MEMBER')
    )
    GROUP BY a.strategy;

CREATE FUNCTION cxroadmap.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({WRITE_LOCK});
    NEW.rev := nextval('cxroadmap.revision');
    NEW.changed_by := current_user;
    NEW.changed_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER item_stamp BEFORE INSERT OR UPDATE ON cxroadmap.item
    FOR EACH ROW EXECUTE FUNCTION cxroadmap.stamp();

CREATE FUNCTION cxroadmap.record_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = cxroadmap, pg_temp AS $$
DECLARE
    name text;
BEGIN
    -- A new item is one row (all its fields); a deletion or restore one more; then each
    -- field that changed, with its old and new value.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO cxroadmap.history (rev, strategy, kind, key, field, old_value, new_value,
                                       role, at)
        VALUES (NEW.rev, NEW.strategy, NEW.kind, NEW.key, '(created)', NULL, NEW.fields,
                NEW.changed_by, NEW.changed_at);
        RETURN NULL;
    END IF;
    IF OLD.deleted IS DISTINCT FROM NEW.deleted THEN
        INSERT INTO cxroadmap.history (rev, strategy, kind, key, field, old_value, new_value,
                                       role, at)
        VALUES (NEW.rev, NEW.strategy, NEW.kind, NEW.key,
                CASE WHEN NEW.deleted THEN '(deleted)' ELSE '(restored)' END,
                CASE WHEN NEW.deleted THEN OLD.fields END,
                CASE WHEN NEW.deleted THEN NULL ELSE NEW.fields END,
                NEW.changed_by, NEW.changed_at);
    END IF;
    FOR name IN SELECT jsonb_object_keys(NEW.fields) UNION SELECT jsonb_object_keys(OLD.fields)
    LOOP
        IF (OLD.fields -> name) IS DISTINCT FROM (NEW.fields -> name) THEN
            INSERT INTO cxroadmap.history (rev, strategy, kind, key, field, old_value,
                                           new_value, role, at)
            VALUES (NEW.rev, NEW.strategy, NEW.kind, NEW.key, name, OLD.fields -> name,
                    NEW.fields -> name, NEW.changed_by, NEW.changed_at);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER item_history AFTER INSERT OR UPDATE ON cxroadmap.item
    FOR EACH ROW EXECUTE FUNCTION cxroadmap.record_history();

ALTER TABLE cxroadmap.item ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_read ON cxroadmap.item FOR SELECT
    USING (strategy IN (SELECT strategy FROM cxroadmap.my_access));
CREATE POLICY item_insert ON cxroadmap.item FOR INSERT
    WITH CHECK (strategy IN (SELECT strategy FROM cxroadmap.my_access WHERE can_edit));
-- USING read, CHECK edit: a reader's UPDATE is refused with an error, not silently ignored.
CREATE POLICY item_update ON cxroadmap.item FOR UPDATE
    USING (strategy IN (SELECT strategy FROM cxroadmap.my_access))
    WITH CHECK (strategy IN (SELECT strategy FROM cxroadmap.my_access WHERE can_edit));
ALTER TABLE cxroadmap.history ENABLE ROW LEVEL SECURITY;
CREATE POLICY history_read ON cxroadmap.history FOR SELECT
    USING (strategy IN (SELECT strategy FROM cxroadmap.my_access));
"""

# Version 2: touchpoints and measures become items of their own (merged one by one), and
# each strategy gets an `order` item (the order of its initiatives, touchpoints, measures).
_V2 = """
ALTER TABLE cxroadmap.item DROP CONSTRAINT item_kind_check;
ALTER TABLE cxroadmap.item ADD CONSTRAINT item_kind_check CHECK (kind IN
    ('strategy', 'initiative', 'dependency', 'touchpoint', 'measure', 'order'));
INSERT INTO cxroadmap.item (strategy, kind, key, deleted, fields)
    SELECT i.strategy, 'touchpoint', t.value ->> 'key', i.deleted, t.value - 'key'
    FROM cxroadmap.item i, jsonb_array_elements(i.fields -> 'touchpoints') WITH ORDINALITY t
    WHERE i.kind = 'strategy' ORDER BY i.id, t.ordinality;
INSERT INTO cxroadmap.item (strategy, kind, key, deleted, fields)
    SELECT i.strategy, 'measure', m.value ->> 'key', i.deleted, m.value - 'key'
    FROM cxroadmap.item i, jsonb_array_elements(i.fields -> 'measures') WITH ORDINALITY m
    WHERE i.kind = 'strategy' ORDER BY i.id, m.ordinality;
INSERT INTO cxroadmap.item (strategy, kind, key, deleted, fields)
    SELECT s.strategy, 'order', '', s.deleted, jsonb_build_object(
        'initiatives', COALESCE((SELECT jsonb_agg(i.key ORDER BY i.id) FROM cxroadmap.item i
                                 WHERE i.strategy = s.strategy AND i.kind = 'initiative'
                                 AND NOT i.deleted), '[]'::jsonb),
        'touchpoints', COALESCE((SELECT jsonb_agg(t.value -> 'key' ORDER BY t.ordinality)
                                 FROM jsonb_array_elements(s.fields -> 'touchpoints')
                                 WITH ORDINALITY t), '[]'::jsonb),
        'measures', COALESCE((SELECT jsonb_agg(m.value -> 'key' ORDER BY m.ordinality)
                              FROM jsonb_array_elements(s.fields -> 'measures')
                              WITH ORDINALITY m), '[]'::jsonb))
    FROM cxroadmap.item s WHERE s.kind = 'strategy' ORDER BY s.id;
UPDATE cxroadmap.item SET fields = fields - 'touchpoints' - 'measures'
    WHERE kind = 'strategy' AND (fields ? 'touchpoints' OR fields ? 'measures');
"""

# Version 3: baselines travel, one item each (kind `baseline`, key its name); the strategy
# item carries the chosen one and the order item their order. Older clients would drop
# them when they push, so the version goes up and they refuse to sync until upgraded.
_V3 = """
ALTER TABLE cxroadmap.item DROP CONSTRAINT item_kind_check;
ALTER TABLE cxroadmap.item ADD CONSTRAINT item_kind_check CHECK (kind IN
    ('strategy', 'initiative', 'dependency', 'touchpoint', 'measure', 'order', 'baseline'));
"""

# MIGRATIONS[v] takes the workspace schema from version v to v + 1.
MIGRATIONS: dict[int, str] = {0: _V1, 1: _V2, 2: _V3}
SCHEMA_VERSION = len(MIGRATIONS)

# What `workspace grant` gives a member role (idempotent; rows stay behind the policies).
MEMBER_PRIVILEGES = (
    "GRANT USAGE ON SCHEMA cxroadmap TO {role}",
    "GRANT SELECT, INSERT, UPDATE ON cxroadmap.item TO {role}",
    "GRANT SELECT ON cxroadmap.history, cxroadmap.my_access, cxroadmap.meta TO {role}",
    "GRANT USAGE ON SEQUENCE cxroadmap.revision, cxroadmap.item_id_seq TO {role}",
)
