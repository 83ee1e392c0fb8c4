-- The change marker the in-memory journey store (attribution) reads: the id of the transaction that last
-- wrote the conversion row. Set on insert by the default and on every update by the trigger, so any write
-- that affects attribution (a capture replacing the touchpoints, a re-queue after a new identity, anything
-- done by hand) marks the row in its own transaction. A store re-reads the rows whose marker is at or after
-- the xmin of the snapshot of its previous read, so it misses no transaction, whichever replica made it and
-- in whatever order they commit.
ALTER TABLE conversion ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX conversion_changed ON conversion (workspace_id, changed_xid);

CREATE FUNCTION conversion_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER conversion_mark_changed BEFORE UPDATE ON conversion
    FOR EACH ROW EXECUTE FUNCTION conversion_mark_changed();

-- A touchpoint written or removed without its conversion row (by hand) marks the conversion too.
CREATE FUNCTION conversion_touchpoint_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE conversion SET changed_xid = pg_current_xact_id()
        WHERE workspace_id = OLD.workspace_id AND id = OLD.conversion_id AND changed_xid <> pg_current_xact_id();
        RETURN OLD;
    END IF;
    UPDATE conversion SET changed_xid = pg_current_xact_id()
    WHERE workspace_id = NEW.workspace_id AND id = NEW.conversion_id AND changed_xid <> pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER conversion_touchpoint_mark_changed AFTER INSERT OR UPDATE OR DELETE ON conversion_touchpoint
    FOR EACH ROW EXECUTE FUNCTION conversion_touchpoint_mark_changed();
