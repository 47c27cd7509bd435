package io.pactbroker.broker.pacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The texts of a verifiable pact, worded as the Pact Broker words them: its short description (Pact Go names its tests
 * with it), why it is being verified, whether a failure fails the build, and what happens after the verification
 * (the {@code after_verification:*} notices verifiers print depending on the outcome).
 */
public final class VerifiablePactMessages {

    static final String READ_MORE_PENDING = "Read more at https://docs.pact.io/go/pending";
    static final String READ_MORE_WIP = "Read more at https://docs.pact.io/go/wip";
    static final String DEPRECATED = "WARNING - this version of the Pact library uses a beta version of the API which"
            + " will be removed in the future. Please upgrade your Pact library. See"
            + " https://docs.pact.io/pact_broker/advanced_topics/provider_verification_results/#pacts-for-verification"
            + " for minimum required versions.";

    private final VerifiablePact pact;
    private final String pactUrl;

    public VerifiablePactMessages(VerifiablePact pact, String pactUrl) {
        this.pact = pact;
        this.pactUrl = pactUrl;
    }

    /** A notice: when to show it, and its text. */
    public record Notice(String when, String text) {}

    /** The notices, in the Pact Broker's order; the pending ones only when the pending status was asked for. */
    public List<Notice> notices(boolean includePendingStatus, boolean deprecated) {
        List<Notice> notices = new ArrayList<>();
        if (deprecated) {
            notices.add(new Notice("before_verification", DEPRECATED));
        }
        notices.add(new Notice("before_verification", inclusionReason()));
        if (includePendingStatus) {
            notices.add(new Notice("before_verification", pendingReason()));
            if (pending()) {
                String description = pendingDescription("any");
                notices.add(new Notice(
                        "after_verification:success_true_published_false",
                        "This pact is still in pending state for " + description
                                + " as the successful verification results " + withTheseTags()
                                + "have not yet been published."));
                String notPublished = "This pact is still in pending state for " + description
                        + " as a successful verification result " + withTheseTags() + "has not yet been published";
                notices.add(new Notice("after_verification:success_false_published_false", notPublished));
                notices.add(new Notice(
                        "after_verification:success_true_published_true",
                        "This pact is no longer in pending state for " + description
                                + ", as a successful verification result " + withTheseTags()
                                + "has been published. If a verification for a version of " + provider() + " "
                                + withTheseTags() + "fails in the future, it will fail the build. "
                                + READ_MORE_PENDING));
                notices.add(new Notice("after_verification:success_false_published_true", notPublished));
            }
        }
        return notices;
    }

    public String inclusionReason() {
        if (pact.wip()) {
            String versionText = headTags().size() == 1 || branches().size() == 1 ? "version" : "versions";
            return "The pact at " + pactUrl + " is being verified because it is a 'work in progress' pact (ie. it is"
                    + " the pact for the latest " + versionText + " of " + consumer() + " "
                    + joinedHeadTagsAndBranches() + " and it has not yet been successfully verified by "
                    + pendingDescription("a") + " when the pact's application version was explicitly specified in the"
                    + " consumer version selectors). " + READ_MORE_WIP;
        }
        int n = pact.selectors().size();
        return "The pact at " + pactUrl + " is being verified because the pact content belongs to "
                + (n == 1 ? "the consumer version" : "the consumer versions") + " matching the following "
                + (n == 1 ? "criterion" : "criteria") + ":\n" + selectorDescriptions();
    }

    public String pendingReason() {
        if (pending() && pact.wip()) {
            return "This pact is in pending state for this version of " + provider() + " because it was included as"
                    + " a 'work in progress' pact. If this verification fails, it will not cause the overall build to"
                    + " fail. " + READ_MORE_PENDING;
        }
        if (pending()) {
            return "This pact is in pending state for this version of " + provider()
                    + " because a successful verification result for " + pendingDescription("a")
                    + " has not yet been published. If this verification fails, it will not cause the overall build"
                    + " to fail. " + READ_MORE_PENDING;
        }
        return "This pact has previously been successfully verified by " + nonPendingDescription()
                + ". If this verification fails, it will fail the build. " + READ_MORE_PENDING;
    }

    /** The selectors in a few words, joined by commas: {@code latest from branch main, deployed to prod}. */
    public String shortDescription() {
        return String.join(
                ", ", pact.selectors().stream().map(this::shortDescription).toList());
    }

    private String shortDescription(ResolvedSelector r) {
        ConsumerVersionSelector s = r.selector();
        if (s.overallLatest()) {
            return "latest";
        } else if (s.latestForTag()) {
            return "latest with tag " + (s.hasFallbackTag() ? s.fallbackTag() : s.tag());
        } else if (s.latestForMainBranch()) {
            return "latest from main branch";
        } else if (s.latestForBranch()) {
            return "latest from branch " + (s.hasFallbackBranch() ? s.fallbackBranch() : s.branch());
        } else if (s.allForTagAndConsumer()) {
            return "one of " + s.consumer() + " " + s.tag();
        } else if (s.tag() != null) {
            return "one of " + s.tag();
        } else if (s.deployed()) {
            return "deployed to " + r.environmentName();
        } else if (s.released()) {
            return "released in " + r.environmentName();
        } else if (s.inEnvironment()) {
            return "in environment " + r.environmentName();
        }
        return "selected";
    }

    private String selectorDescriptions() {
        Map<ConsumerVersionSelector.Type, List<ResolvedSelector>> byType = new LinkedHashMap<>();
        List<ResolvedSelector> sorted = new ArrayList<>(pact.selectors());
        sorted.sort(ResolvedSelector.ORDER);
        sorted.forEach(s -> byType.computeIfAbsent(s.selector().type(), t -> new ArrayList<>())
                .add(s));
        List<String> lines = new ArrayList<>();
        for (List<ResolvedSelector> group : byType.values()) {
            ConsumerVersionSelector first = group.get(0).selector();
            if (first.deployed()) {
                lines.addAll(environmentDescriptions(group, "currently deployed to"));
            } else if (first.released()) {
                lines.addAll(environmentDescriptions(group, "released and supported in"));
            } else {
                group.forEach(s -> lines.add(description(s)));
            }
        }
        return String.join("\n", lines.stream().map(l -> "    * " + l).toList());
    }

    private List<String> environmentDescriptions(List<ResolvedSelector> group, String verb) {
        Map<String, List<ResolvedSelector>> byConsumer = new LinkedHashMap<>();
        group.forEach(s -> byConsumer
                .computeIfAbsent(
                        s.selector().consumer() == null ? "" : s.selector().consumer(), c -> new ArrayList<>())
                .add(s));
        List<String> lines = new ArrayList<>();
        byConsumer.forEach((consumer, selectors) -> {
            String name = consumer.isEmpty() ? "consumer version(s)" : "version(s) of " + consumer;
            List<String> environments = selectors.stream()
                    .map(s -> s.environmentName() + " (" + s.consumerVersionNumber() + ")")
                    .toList();
            lines.add(name + " " + verb + " " + joinUnquoted(environments));
        });
        return lines;
    }

    private String description(ResolvedSelector r) {
        ConsumerVersionSelector s = r.selector();
        String versionLabel = s.consumer() == null ? "version" : "version of " + s.consumer();
        String text;
        if (s.overallLatest()) {
            text = "latest version of " + (s.consumer() == null ? "a consumer" : s.consumer())
                    + " that has a pact with " + provider();
        } else if (s.latestForTag()) {
            text = s.hasFallbackTag()
                    ? "latest " + versionLabel + " tagged '" + s.fallbackTag() + "' (fallback tag used as no pact was"
                            + " found with tag '" + s.tag() + "')"
                    : "latest " + versionLabel + " tagged '" + s.tag() + "'";
        } else if (s.latestForMainBranch()) {
            text = "latest " + versionLabel + " from the main branch '" + pact.consumerMainBranch() + "'";
        } else if (s.latestForBranch()) {
            text = s.hasFallbackBranch()
                    ? "latest " + versionLabel + " from branch '" + s.fallbackBranch() + "' (fallback branch used as"
                            + " no pact was found from branch '" + s.branch() + "')"
                    : "latest " + versionLabel + " from branch '" + s.branch() + "'";
        } else if (s.allForTagAndConsumer()) {
            text = "all " + s.consumer() + " versions tagged '" + s.tag() + "'";
        } else if (s.allForTag()) {
            text = "all consumer versions tagged '" + s.tag() + "'";
        } else if (s.inEnvironment()) {
            text = (s.consumer() == null ? "a consumer" : s.consumer()) + " version in environment "
                    + r.environmentName();
        } else {
            text = "selected";
        }
        return text + " (" + r.consumerVersionNumber() + ")";
    }

    // pieces

    private boolean pending() {
        return Boolean.TRUE.equals(pact.pending());
    }

    private String provider() {
        return pact.pact().providerName();
    }

    private String consumer() {
        return pact.pact().consumerName();
    }

    private List<String> headTags() {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        pact.selectors().stream()
                .map(ResolvedSelector::selector)
                .filter(ConsumerVersionSelector::latestForTag)
                .forEach(s -> tags.add(s.tag()));
        return List.copyOf(tags);
    }

    private List<String> branches() {
        LinkedHashSet<String> branches = new LinkedHashSet<>();
        pact.selectors().stream()
                .map(ResolvedSelector::selector)
                .filter(ConsumerVersionSelector::latestForBranch)
                .forEach(s -> branches.add(s.branch()));
        return List.copyOf(branches);
    }

    private String joinedHeadTagsAndBranches() {
        List<String> parts = new ArrayList<>();
        List<String> branches = branches();
        List<String> tags = headTags();
        if (!branches.isEmpty()) {
            parts.add("from " + (branches.size() == 1 ? "branch" : "branches") + " " + join(branches));
        }
        if (!tags.isEmpty()) {
            parts.add("tagged with " + join(tags));
        }
        String note =
                switch (pact.selectors().size()) {
                    case 1 -> "";
                    case 2 -> " (both have the same content)";
                    default -> " (all have the same content)";
                };
        return String.join(" and ", parts) + note;
    }

    private String pendingDescription(String anyOrA) {
        if (pact.providerBranch() != null) {
            return anyOrA + " version of " + provider() + " from branch '" + pact.providerBranch() + "'";
        }
        List<String> tags = pact.pendingProviderTags();
        return switch (tags.size()) {
            case 0 -> provider();
            case 1 -> anyOrA + " version of " + provider() + " with tag '" + tags.get(0) + "'";
            default -> anyOrA + " versions of " + provider() + " with tag " + join(tags);
        };
    }

    private String nonPendingDescription() {
        if (pact.providerBranch() != null) {
            return "a version of " + provider() + " from branch '" + pact.providerBranch() + "'";
        }
        List<String> tags = pact.nonPendingProviderTags();
        return switch (tags.size()) {
            case 0 -> provider();
            case 1 -> "a version of " + provider() + " with tag '" + tags.get(0) + "'";
            default -> "a version of " + provider() + " with tag " + join(tags);
        };
    }

    private String withTheseTags() {
        return switch (pact.pendingProviderTags().size()) {
            case 0 -> "";
            case 1 -> "with this tag ";
            default -> "with these tags ";
        };
    }

    private static String join(List<String> words) {
        return joinUnquoted(words.stream().map(w -> "'" + w + "'").toList());
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String joinUnquoted(List<String> words) {
        if (words.size() <= 2) {
            return String.join(" and ", words);
        }
        return String.join(", ", words.subList(0, words.size() - 2)) + ", "
                + String.join(" and ", words.subList(words.size() - 2, words.size()));
    }
}
