package io.pactbroker.broker.matrix;

/**
 * A version selector as a client writes it ({@code q[][pacticipant]=Foo&q[][version]=1}): a pacticipant and the
 * criteria its versions must meet. A selector with only a pacticipant means every version of it.
 */
public record Selector(
        String pacticipant,
        String version,
        String branch,
        boolean mainBranch,
        String tag,
        boolean latest,
        String environment) {

    public static Selector pacticipant(String name) {
        return new Selector(name, null, null, false, null, false, null);
    }

    public static Selector version(String name, String version) {
        return new Selector(name, version, null, false, null, false, null);
    }

    public Selector withPacticipant(String name) {
        return new Selector(name, version, branch, mainBranch, tag, latest, environment);
    }

    /** Only the pacticipant is given: every version of it. */
    public boolean onlyPacticipant() {
        return version == null && branch == null && !mainBranch && tag == null && !latest && environment == null;
    }
}
