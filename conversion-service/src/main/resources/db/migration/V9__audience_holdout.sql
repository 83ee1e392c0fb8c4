-- Lift with a holdout (issue 19): the share of an audience's members kept out of its exports, 0..50 percent in
-- hundredths. Who is held out is not stored: it follows from the audience id and the member (audience/Holdout).
ALTER TABLE audience ADD COLUMN holdout_percent numeric(4, 2) NOT NULL DEFAULT 0
    CHECK (holdout_percent >= 0 AND holdout_percent <= 50);
