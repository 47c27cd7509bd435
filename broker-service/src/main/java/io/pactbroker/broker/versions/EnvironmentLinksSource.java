package io.pactbroker.broker.versions;

import java.util.List;
import java.util.Map;

/**
 * Where versions are deployed and released, for the version resource's environment links. Implemented by the
 * environments feature, so that versions do not depend on it.
 */
public interface EnvironmentLinksSource {

    /** The environment links of each version (of one pacticipant), by version id, in a fixed number of queries. */
    Map<Long, VersionRepresentation.EnvironmentLinks> environmentLinksOf(List<Version> versions, String pacticipant);
}
