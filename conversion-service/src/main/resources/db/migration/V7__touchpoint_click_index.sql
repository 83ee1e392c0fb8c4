-- A feed item's clicks find the conversions holding a captured touchpoint of one (without it, a scan of every
-- captured touchpoint of the workspace per item).
CREATE INDEX conversion_touchpoint_click ON conversion_touchpoint (workspace_id, click_id) WHERE click_id IS NOT NULL;
