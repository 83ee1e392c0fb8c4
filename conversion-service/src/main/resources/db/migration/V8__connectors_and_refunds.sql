-- Commerce and CRM connectors (issue 18): per workspace and platform, the secret that signs the platform's
-- webhooks, sealed under the deployment key like content-service's publisher secrets (SecretBox, AES-256-GCM,
-- bound to the row by the context 'connector/<workspace>/<connector>'); secret_hint is what the API shows.
CREATE TABLE connector (
    workspace_id   uuid        NOT NULL,
    connector      text        NOT NULL,
    secret         text        NOT NULL,
    secret_key_id  text        NOT NULL,
    secret_hint    text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, connector)
);

-- Every delivery a receiver accepted, by the platform's delivery id (X-Shopify-Webhook-Id, the Stripe event id,
-- X-WC-Webhook-Delivery-ID, X-Suite-Delivery) and, for timestamped signatures, by the signature itself: a
-- platform's retry answers as a duplicate, a copied request with a signature seen before is refused.
CREATE TABLE hook_delivery (
    workspace_id  uuid        NOT NULL,
    connector     text        NOT NULL,
    delivery_id   text        NOT NULL,
    body_sha256   text        NOT NULL,
    topic         text        NOT NULL,
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, connector, delivery_id)
);

-- Refunds and cancellations, each once by its platform id, against an order named by its conversion event id
-- or by an alias of it (a Stripe payment intent). They lower the order's value (conversion.refunded_value, in
-- the value's currency, at most the value) and so its amount in the workspace currency, which every report
-- reads. An adjustment may arrive before its order: it is applied when the order is stored.
CREATE TABLE conversion_adjustment (
    workspace_id   uuid           NOT NULL,
    adjustment_id  text           NOT NULL,
    order_ref      text           NOT NULL,
    kind           text           NOT NULL,
    amount         numeric(19, 4) NOT NULL CHECK (amount >= 0),
    currency       text           NOT NULL,
    occurred_at    timestamptz    NOT NULL,
    created_at     timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, adjustment_id)
);
CREATE INDEX conversion_adjustment_order ON conversion_adjustment (workspace_id, order_ref);

-- Other ids of an order than its event id (a Stripe checkout session's payment intent), so that a refund naming
-- the payment finds the order.
CREATE TABLE conversion_alias (
    workspace_id  uuid NOT NULL,
    alias         text NOT NULL,
    event_id      text NOT NULL,
    PRIMARY KEY (workspace_id, alias)
);
CREATE INDEX conversion_alias_event ON conversion_alias (workspace_id, event_id);

-- gross_amount: the amount before any refund (null while none applied, then amount holds it).
ALTER TABLE conversion ADD COLUMN refunded_value numeric(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE conversion ADD COLUMN gross_amount numeric(19, 4);
