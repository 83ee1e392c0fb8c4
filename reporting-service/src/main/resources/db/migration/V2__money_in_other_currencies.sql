-- Costs and the hourly rate may be sent in another currency than the workspace's when conversion-service has the
-- workspace's exchange rate for it that day (issue 12). amount / hourly_rate stay in the workspace currency (what
-- reports count); what was sent and the rate used are kept beside, null when it was the workspace currency.
ALTER TABLE cost
    ADD COLUMN original_amount   numeric(19,4) CHECK (original_amount >= 0),
    ADD COLUMN original_currency text          CHECK (original_currency ~ '^[A-Z]{3}$'),
    ADD COLUMN exchange_rate     numeric(24,10) CHECK (exchange_rate > 0);

ALTER TABLE workspace_settings
    ADD COLUMN original_hourly_rate numeric(19,4) CHECK (original_hourly_rate >= 0),
    ADD COLUMN original_currency    text          CHECK (original_currency ~ '^[A-Z]{3}$'),
    ADD COLUMN exchange_rate        numeric(24,10) CHECK (exchange_rate > 0),
    ADD COLUMN exchange_rate_date   date;
