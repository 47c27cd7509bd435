-- Indexes for pacts for verification (issue 4), so that no selector reads history.

-- WIP: the pacts of a provider published since a date
CREATE INDEX ix_lpp_provider_created_at ON latest_pact_publication_ids_for_consumer_versions (provider_id, created_at);

-- deployed / released / environment selectors: the live deployments and the supported releases of a consumer,
-- without reading its past deployments and releases
CREATE INDEX ix_deployed_versions_live_pacticipant ON deployed_versions (pacticipant_id, environment_id)
    WHERE undeployed_at IS NULL;
CREATE INDEX ix_released_versions_supported_pacticipant ON released_versions (pacticipant_id, environment_id)
    WHERE support_ended_at IS NULL;
