-- Release gating (issue 5): the lookups can-i-deploy and the matrix make, so that none of them scans history.

-- The newest verification of a pact content by a provider version: one index lookup per (content, provider version).
-- The matrix reads verifications directly through this index; it does not need the verifications read model.
CREATE INDEX ix_verifications_pact_version_provider_version
    ON verifications (pact_version_id, provider_version_id, id DESC);

-- The releases of a pacticipant that an environment still supports (mobile apps keep many old releases around).
CREATE INDEX ix_released_versions_supported
    ON released_versions (pacticipant_id, environment_id) WHERE support_ended_at IS NULL;

