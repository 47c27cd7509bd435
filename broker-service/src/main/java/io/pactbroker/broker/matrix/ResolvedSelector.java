package io.pactbroker.broker.matrix;

/**
 * A selector with the ids looked up: one per version it selects (a selector for "the versions in production" becomes
 * one resolved selector per live version), one with {@link #NONE} when it selects no version, or one without a version
 * when it means every version of the pacticipant. Its {@link #description()} is how the reasons name it, in the Pact
 * Broker's words.
 */
public record ResolvedSelector(
        Long pacticipantId,
        String pacticipantName,
        Long versionId,
        String versionNumber,
        Long versionOrder,
        Kind kind,
        boolean ignore,
        boolean oneOfMany,
        String mainBranchName,
        Selector original) {

    /** The version id of a selector that selects no version: it matches no row. */
    public static final long NONE = -1L;

    /** Where the selector came from. */
    public enum Kind {
        /** Named in the query. */
        SPECIFIED,
        /** Made by the broker for an integrated pacticipant, from the query's target. */
        INFERRED,
        /** An {@code ignore} selector. */
        IGNORE
    }

    static ResolvedSelector allVersions(Long pacticipantId, String name, Selector original, Kind kind, boolean ignore) {
        return new ResolvedSelector(pacticipantId, name, null, null, null, kind, ignore, false, null, original);
    }

    static ResolvedSelector missingPacticipant(Selector original, Kind kind) {
        return new ResolvedSelector(NONE, original.pacticipant(), null, null, null, kind, false, false, null, original);
    }

    static ResolvedSelector noVersion(Long pacticipantId, String name, Selector original, Kind kind, boolean ignore) {
        return new ResolvedSelector(
                pacticipantId, name, NONE, original.version(), null, kind, ignore, false, null, original);
    }

    /** A selector made up for a row no selector of the query describes (so reasons can still name both sides). */
    static ResolvedSelector describing(String name, String versionNumber) {
        Selector original = versionNumber == null ? Selector.pacticipant(name) : Selector.version(name, versionNumber);
        return new ResolvedSelector(
                null,
                name,
                versionNumber == null ? null : 0L,
                versionNumber,
                null,
                Kind.INFERRED,
                false,
                false,
                null,
                original);
    }

    public boolean specified() {
        return kind == Kind.SPECIFIED;
    }

    public boolean inferred() {
        return kind == Kind.INFERRED;
    }

    public boolean allVersions() {
        return versionId == null;
    }

    public boolean pacticipantExists() {
        return pacticipantId == null || pacticipantId != NONE;
    }

    public boolean versionExists() {
        return versionId == null || versionId != NONE;
    }

    public boolean pacticipantOrVersionMissing() {
        return !pacticipantExists() || !versionExists();
    }

    /** Named in the query, with a version that does not exist: the answer is "no". */
    public boolean specifiedVersionThatDoesNotExist() {
        return specified() && !versionExists();
    }

    public boolean onlyPacticipantNameSpecified() {
        return original.onlyPacticipant();
    }

    private boolean latest() {
        return original.latest();
    }

    private String tag() {
        return original.tag();
    }

    private String branch() {
        return original.branch() != null ? original.branch() : original.mainBranch() ? mainBranchName : null;
    }

    /** How the reasons name the selector, as the Pact Broker words it. */
    public String description() {
        String name = pacticipantName;
        String number = versionNumber;
        boolean hasNumber = number != null && versionExists();
        if (latest() && tag() != null) {
            return "the latest version of " + name + " with tag " + tag() + " ("
                    + (hasNumber ? number : "no such version exists") + ")";
        }
        if (latest() && original.mainBranch() && !hasNumber) {
            return "the latest version of " + name + " from the main branch (no versions exist for this branch)";
        }
        if (original.mainBranch() && !hasNumber) {
            return "any version of " + name + " from the main branch (no versions exist for this branch)";
        }
        if (latest() && branch() != null) {
            return "the latest version of " + name + " from branch " + branch() + " ("
                    + (hasNumber ? number : "no such version exists") + ")";
        }
        if (branch() != null) {
            if (hasNumber) {
                return (oneOfMany ? "one of the versions " : "the version ") + "of " + name + " from branch " + branch()
                        + " (" + number + ")";
            }
            return "a version of " + name + " from branch " + branch() + " (no such version exists)";
        }
        if (latest()) {
            return "the latest version of " + name + " (" + (hasNumber ? number : "no such version exists") + ")";
        }
        if (tag() != null) {
            return "a version of " + name + " with tag " + tag() + " ("
                    + (hasNumber ? number : "no such version exists") + ")";
        }
        if (original.environment() != null) {
            if (hasNumber) {
                return (oneOfMany ? "one of the versions" : "the version") + " of " + name + " currently in "
                        + original.environment() + " (" + number + ")";
            }
            return "a version of " + name + " currently in " + original.environment()
                    + " (no version is currently recorded as deployed/released in this environment)";
        }
        if (number != null && !versionExists()) {
            return "version " + number + " of " + name + " (no such version exists)";
        }
        if (number != null) {
            return "version " + number + " of " + name;
        }
        if (!pacticipantExists()) {
            return "any version of " + name + " (no such pacticipant exists)";
        }
        return "any version of " + name;
    }

    /** Why a selector names no version, as the Pact Broker words it. */
    public String versionDoesNotExistDescription() {
        if (versionExists()) {
            return "";
        }
        String name = pacticipantName;
        if (tag() != null) {
            return "No version with tag " + tag() + " exists for " + name;
        }
        if (original.branch() != null) {
            return "No version of " + name + " from branch " + original.branch() + " exists";
        }
        if (original.mainBranch()) {
            return "No version of " + name + " from the main branch exists";
        }
        if (original.environment() != null) {
            return "No version of " + name + " is currently recorded as deployed or released in environment "
                    + original.environment();
        }
        if (original.version() != null) {
            return "No pacts or verifications have been published for version " + original.version() + " of " + name;
        }
        return "No pacts or verifications have been published for " + name;
    }
}
