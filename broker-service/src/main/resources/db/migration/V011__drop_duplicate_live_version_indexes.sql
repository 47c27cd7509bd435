-- Issues 4 and 5 were built side by side and both indexed the live releases; after the merge, the live deployments and
-- supported releases are read in one place, DeploymentService.liveVersions (DeploymentRepository), for pacts for
-- verification, provider states and the matrix alike.

-- V010's ix_released_versions_supported is V004's ix_released_versions_supported_pacticipant again, column for column
-- and with the same predicate: keep V004's, which liveVersions uses.
DROP INDEX IF EXISTS ix_released_versions_supported;

-- Live deployments are read from currently_deployed_version_ids (unique on pacticipant, environment and application
-- instance) rather than from deployed_versions, so V004's partial index on the live rows of deployed_versions is read
-- by nothing and only costs every deployment a write.
DROP INDEX IF EXISTS ix_deployed_versions_live_pacticipant;
