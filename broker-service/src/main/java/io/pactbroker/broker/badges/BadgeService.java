package io.pactbroker.broker.badges;

import io.pactbroker.broker.badges.BadgeSvg.Colour;
import io.pactbroker.broker.matrix.MatrixService;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactRow;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.verifications.Verification;
import io.pactbroker.broker.verifications.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The badges: the verification status of the latest pact between two pacticipants, and the can-i-deploy and can-i-merge
 * verdicts, drawn by the broker itself.
 */
@ApplicationScoped
public class BadgeService {

    @Inject
    PacticipantService pacticipants;

    @Inject
    PactService pacts;

    @Inject
    VerificationService verifications;

    @Inject
    MatrixService matrix;

    /** Which pact a pact badge is about. */
    public record PactBadge(
            String provider,
            String consumer,
            String consumerTag,
            boolean untagged,
            String providerTag,
            String label,
            boolean initials) {}

    /**
     * The badge of the latest pact (with the consumer tag, untagged, or any): verified, failed, failed (pending),
     * changed (verified before the content changed) or unknown.
     */
    @Transactional
    public String pactBadge(PactBadge b) {
        Optional<Pacticipant> consumer = pacticipants.findByName(b.consumer());
        Optional<Pacticipant> provider = pacticipants.findByName(b.provider());
        Optional<PactRow> pact = Optional.empty();
        if (consumer.isPresent() && provider.isPresent()) {
            PactQuery query =
                    PactQuery.between(consumer.get().id, provider.get().id).limit(1);
            if (b.consumerTag() != null) {
                query = query.tag(b.consumerTag());
            } else if (b.untagged()) {
                query = query.onlyUntagged();
            }
            pact = pacts.list(query).stream().findFirst();
        }
        if (pact.isEmpty()) {
            return BadgeSvg.render(
                    "pact not found",
                    "unknown",
                    Colour.LIGHTGREY,
                    b.consumer() + " version ? revision ? " + b.provider() + " version ? number ?");
        }
        Optional<Verification> verification = verifications.findLatestBetween(
                consumer.get().id, provider.get().id, b.consumerTag(), b.untagged(), b.providerTag());
        String status;
        Colour colour;
        if (verification.isEmpty()) {
            status = "unknown";
            colour = Colour.LIGHTGREY;
        } else if (verification.get().success()) {
            boolean changed =
                    !verification.get().pactVersionId().equals(pact.get().pactVersionId());
            status = changed ? "changed" : "verified";
            colour = changed ? Colour.ORANGE : Colour.BRIGHTGREEN;
        } else {
            status = Boolean.TRUE.equals(verification.get().pactPending()) ? "failed (pending)" : "failed";
            colour = Colour.RED;
        }
        String comment = b.consumer() + " version " + pact.get().consumerVersionNumber() + " revision "
                + pact.get().revisionNumber() + " " + b.provider() + " version "
                + verification.map(Verification::providerVersionNumber).orElse("?") + " number "
                + verification.map(v -> String.valueOf(v.number())).orElse("?");
        return BadgeSvg.render(title(b), status, colour, comment);
    }

    /** The can-i-deploy badge of the latest version with a tag, to the latest versions with another tag. */
    @Transactional
    public String canIDeployTagToTag(String pacticipant, String tag, String to, String label) {
        if (pacticipants.findByName(pacticipant).isEmpty()) {
            return error("pacticipant", "not found");
        }
        return matrix.canIDeployLatestTagged(pacticipant, tag, to)
                .map(a -> verdict(
                        label == null ? "can-i-deploy" : label,
                        tag + " to " + to,
                        a.decision().deployable()))
                .orElseGet(() -> error("version", "not found"));
    }

    /** The can-i-deploy badge of the head of a branch, to an environment. */
    @Transactional
    public String canIDeployBranchToEnvironment(String pacticipant, String branch, String environment, String label) {
        if (pacticipants.findByName(pacticipant).isEmpty()) {
            return error("pacticipant", "not found");
        }
        return matrix.canIDeployBranchHead(pacticipant, branch, environment)
                .map(a -> verdict(
                        label == null ? "can-i-deploy" : label,
                        branch + " to " + environment,
                        a.decision().deployable()))
                .orElseGet(() -> error("branch or environment", "not found"));
    }

    /** The can-i-merge badge: is the head of the main branch compatible with the main branches it integrates with? */
    @Transactional
    public String canIMerge(String pacticipant) {
        if (pacticipants.findByName(pacticipant).isEmpty()) {
            return error("pacticipant", "not found");
        }
        return matrix.canIMerge(pacticipant)
                .map(a -> {
                    Boolean deployable = a.decision().deployable();
                    if (deployable == null) {
                        return BadgeSvg.render("can-i-merge", "unknown", Colour.LIGHTGREY, null);
                    }
                    return BadgeSvg.render(
                            "can-i-merge",
                            deployable ? "success" : "failed",
                            deployable ? Colour.BRIGHTGREEN : Colour.RED,
                            null);
                })
                .orElseGet(() -> error("main branch version", "not found"));
    }

    /** A badge that says something went wrong (badges always render, so READMEs never show a broken image). */
    public static String error(String what, String message) {
        return BadgeSvg.render(what, message, Colour.LIGHTGREY, null);
    }

    private static String verdict(String label, String message, Boolean deployable) {
        Colour colour = deployable == null ? Colour.LIGHTGREY : deployable ? Colour.BRIGHTGREEN : Colour.RED;
        return BadgeSvg.render(label, message, colour, null);
    }

    /**
     * "foo/bar pact", or only one side's name with {@code label}, as initials with {@code initials=true}; the matrix
     * badge adds the tags: "foo (prod)/bar (prod) pact".
     */
    static String title(PactBadge b) {
        boolean matrix = b.providerTag() != null;
        String consumer = name(b.consumer(), b.initials(), matrix ? b.consumerTag() : null);
        String provider = name(b.provider(), b.initials(), b.providerTag());
        String label = b.label() == null ? "" : b.label().toLowerCase(Locale.ROOT);
        String title =
                switch (label) {
                    case "consumer" -> consumer;
                    case "provider" -> provider;
                    default -> consumer + "/" + provider;
                };
        return (title + " pact").toLowerCase(Locale.ROOT);
    }

    private static String name(String name, boolean initials, String tag) {
        String suffix = tag == null ? "" : " (" + tag + ")";
        if (initials) {
            List<String> parts = new ArrayList<>(List.of(name.split("[\\s_-]")));
            parts.removeIf(String::isEmpty);
            if (parts.size() == 1) {
                parts = List.of(name.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                        .replaceAll("([a-z\\d])([A-Z])", "$1_$2")
                        .split("_"));
            }
            if (parts.size() > 1) {
                StringBuilder out = new StringBuilder();
                parts.forEach(p -> out.append(p.charAt(0)));
                return out.toString().toLowerCase(Locale.ROOT) + suffix;
            }
        }
        return name.toLowerCase(Locale.ROOT) + suffix;
    }
}
