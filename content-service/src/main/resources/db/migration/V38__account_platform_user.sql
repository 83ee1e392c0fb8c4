-- The platform's own id of a connected account (X: the user id of GET /2/users/me, read at connect), so platform
-- webhooks that name the account (X Account Activity's for_user_id) find its workspaces. Null when not known yet
-- (connected before this column, or the lookup failed): a later token refresh looks it up again.
ALTER TABLE platform_account ADD COLUMN platform_user_id text;
CREATE INDEX platform_account_platform_user ON platform_account (platform, platform_user_id)
    WHERE platform_user_id IS NOT NULL;

-- scopes: the permissions the platform granted, as its token endpoint named them (RFC 6749 5.1 'scope'); when the
-- answer at connect named none, the scopes requested (the RFC's meaning of an omitted scope); a refresh without
-- 'scope' keeps them. Null: not known (see account/ScopeNeeds for how a publish treats that).
COMMENT ON COLUMN platform_account.scopes IS 'granted scopes as the platform named them; null = unknown';
