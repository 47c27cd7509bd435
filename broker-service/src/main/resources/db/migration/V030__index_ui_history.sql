-- The web UI (issue 9): an environment's history of deployments and releases, newest first, and the dashboard's
-- "latest publication first" order, each read with one index scan that stops at the page's end.
CREATE INDEX ix_deployed_versions_environment_history ON deployed_versions (environment_id, created_at DESC, id DESC);
CREATE INDEX ix_released_versions_environment_history ON released_versions (environment_id, created_at DESC, id DESC);
CREATE INDEX ix_integrations_contract_data_updated ON integrations (contract_data_updated_at DESC NULLS LAST);
