-- How often the change feed has served engagement changes of a workspace (issue 19): what conversion-service learned
-- from engagement-service's data of a workspace (the journeys of people who never converted) is kept until this
-- counter moves, instead of until the feed's cursor moves, which it does on every poll. The nil workspace counts the
-- feed's restarts (410: cursor expired), after which every workspace's data may have changed.
CREATE TABLE engagement_change (
    workspace_id uuid PRIMARY KEY,
    changes bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
