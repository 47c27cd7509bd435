-- Webhooks: durable delivery. A triggered webhook is written in the same transaction as the publication or
-- verification that triggered it (an outbox); dispatchers on any replica claim due rows with SELECT ... FOR UPDATE
-- SKIP LOCKED and hold a time-limited lease while they make the HTTP call outside any transaction.

ALTER TABLE triggered_webhooks
    -- attempts made so far (one webhook_executions row each)
    ADD COLUMN attempts_made   integer NOT NULL DEFAULT 0,
    -- when the next attempt is due; null once the triggered webhook has finished (success or failure)
    ADD COLUMN next_attempt_at timestamptz,
    -- the dispatcher holding the row while it calls out, and until when; an expired lease may be taken over
    ADD COLUMN lease_owner     text,
    ADD COLUMN lease_token     text,
    ADD COLUMN leased_until    timestamptz;

-- the dispatchers' one question, "what is due?", reads only unfinished rows
CREATE INDEX ix_triggered_webhooks_due ON triggered_webhooks (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- webhook status of a pact: the latest triggered webhook per (consumer, provider, webhook, event), one index lookup
-- each, whatever the history
CREATE INDEX ix_triggered_webhooks_latest
    ON triggered_webhooks (consumer_id, provider_id, webhook_uuid, event_name, id DESC);

-- the status column alone answers no question that the indexes above do not
DROP INDEX ix_triggered_webhooks_status;

-- a side of a webhook is a pacticipant, a label, or neither (all pacticipants), never both
ALTER TABLE webhooks
    ADD CONSTRAINT ck_webhooks_consumer_label_exclusion CHECK (consumer_id IS NULL OR consumer_label IS NULL),
    ADD CONSTRAINT ck_webhooks_provider_label_exclusion CHECK (provider_id IS NULL OR provider_label IS NULL);

-- webhooks selecting pacticipants by label are found by label when a pact is published
CREATE INDEX ix_webhooks_consumer_label ON webhooks (consumer_label) WHERE consumer_label IS NOT NULL;
CREATE INDEX ix_webhooks_provider_label ON webhooks (provider_label) WHERE provider_label IS NOT NULL;
