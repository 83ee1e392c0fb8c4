-- Where a captured touchpoint's campaign came from, so a post edit (change feed) is applied to the stored
-- touchpoints in place instead of capturing every conversion holding one again: 'EVENT' when the event named
-- its own campaign (it wins over the post's, as engagement-service resolves it), 'POST' when it is the post
-- directory's (or none). Platform and stage are always the post's.
ALTER TABLE conversion_touchpoint ADD COLUMN campaign_origin text
    CONSTRAINT conversion_touchpoint_campaign_origin CHECK (campaign_origin IN ('EVENT', 'POST'));

-- Conservative backfill: a touchpoint captured without a campaign had none of its own, so the post's applies;
-- a touchpoint with a campaign may have either, stays NULL (unknown), and a post edit re-captures its
-- conversion as before.
UPDATE conversion_touchpoint SET campaign_origin = 'POST' WHERE campaign_id IS NULL;
