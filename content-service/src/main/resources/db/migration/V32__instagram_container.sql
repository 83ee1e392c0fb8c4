-- INSTAGRAM_API: the publishable container the last attempt made for a post, with a fingerprint of what it
-- holds (account, media URLs and caption), so the next attempt of the same content publishes that container (or
-- keeps waiting for its video) instead of making another: a retry after a lost media_publish answer then finds it
-- PUBLISHED and does not post twice. Forgotten once the post is published or refused; kept when its attempts ran
-- out, so the post rescheduled with the same content still finds it. One row a post at most; it goes with the post.
CREATE TABLE instagram_container (
    workspace_id uuid        NOT NULL,
    post_id      uuid        NOT NULL,
    container_id text        NOT NULL,
    fingerprint  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, post_id),
    FOREIGN KEY (workspace_id, post_id) REFERENCES post (workspace_id, id) ON DELETE CASCADE
);
