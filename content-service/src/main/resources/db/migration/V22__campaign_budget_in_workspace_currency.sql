-- Issue 12: a campaign budget may be given in another currency than the workspace's when
-- conversion-service has an exchange rate for it on the start date. The budget is kept as given
-- (budget_amount, budget_currency) and stored converted too, so reports never need the rate again.
ALTER TABLE campaign ADD COLUMN budget_workspace_amount numeric(19, 4);
ALTER TABLE campaign ADD COLUMN budget_workspace_currency text;
-- Every budget so far was in the workspace currency.
UPDATE campaign SET budget_workspace_amount = budget_amount, budget_workspace_currency = budget_currency
    WHERE budget_amount IS NOT NULL;
ALTER TABLE campaign ADD CHECK ((budget_amount IS NULL) = (budget_workspace_amount IS NULL));
