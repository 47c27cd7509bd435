package io.pactbroker.broker.pacts;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.problem.ConflictException;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.verifications.VerificationService;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.Tag;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import io.pactbroker.broker.webhooks.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /contracts/publish}: creates or updates the consumer version (build URL, branch, tags) and publishes
 * every contract, all in one transaction, answering with the Pact Broker's notices. Conflicts are found before
 * anything is written, so a refused publication changes nothing.
 */
@ApplicationScoped
public class ContractPublishService {

    @Inject
    PactService pacts;

    @Inject
    VerificationService verifications;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    @Inject
    BranchService branches;

    @Inject
    TagService tags;

    @Inject
    WebhookService webhooks;

    @Inject
    BrokerUrls urls;

    /** A notice for the person publishing: {@code type} is debug, info, success, prompt, warning or error. */
    public record Notice(String type, String text) {}

    /** What was published. */
    public record Result(
            Pacticipant pacticipant, Version version, List<Tag> tags, List<PactRow> contracts, List<Notice> notices) {}

    @Transactional
    public Result publish(ContractPublishRequest request) {
        refuseConflicts(request);
        boolean versionExisted = versions.find(request.pacticipantName(), request.pacticipantVersionNumber())
                .isPresent();
        Pacticipant pacticipant = pacticipants.findOrCreate(request.pacticipantName());
        Version version = versions.findOrCreate(pacticipant, request.pacticipantVersionNumber())
                .version();
        if (request.buildUrl() != null) {
            version.buildUrl = request.buildUrl();
            version.updatedAt = OffsetDateTime.now();
        }
        if (request.branch() != null) {
            branches.addVersion(version, request.branch(), false);
        }
        List<Tag> tagList = new ArrayList<>();
        for (String tag : request.tags()) {
            tagList.add(tags.tag(version, tag).tag());
        }
        List<Notice> notices = new ArrayList<>(versionNotices(request, versionExisted));
        List<PactRow> published = new ArrayList<>();
        for (ContractPublishRequest.Contract contract : request.contracts()) {
            PactService.Published result = pacts.publish(
                    request.pacticipantName(),
                    contract.providerName(),
                    request.pacticipantVersionNumber(),
                    contract.content(),
                    contract.merge() ? PactService.Mode.MERGE : PactService.Mode.OVERWRITE);
            published.add(result.pact());
            notices.addAll(pactNotices(request, contract, result));
        }
        return new Result(pacticipant, version, tagList, published, notices);
    }

    private void refuseConflicts(ContractPublishRequest request) {
        List<Notice> notices = new ArrayList<>();
        for (ContractPublishRequest.Contract contract : request.contracts()) {
            pacts.conflict(
                            request.pacticipantName(),
                            contract.providerName(),
                            request.pacticipantVersionNumber(),
                            contract.content(),
                            contract.merge() ? PactService.Mode.MERGE : PactService.Mode.OVERWRITE)
                    .ifPresent(c -> {
                        notices.add(new Notice("error", c.message()));
                        notices.add(new Notice("info", c.diff()));
                    });
        }
        if (!notices.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("notices", notices);
            body.put(
                    "errors",
                    Map.of(
                            "contracts",
                            notices.stream()
                                    .filter(n -> n.type().equals("error"))
                                    .map(Notice::text)
                                    .toList()));
            throw new ConflictException(notices.get(0).text(), body);
        }
    }

    private static List<Notice> versionNotices(ContractPublishRequest request, boolean versionExisted) {
        String action = versionExisted ? "Updated" : "Created";
        String text = action + " " + request.pacticipantName() + " version " + request.pacticipantVersionNumber();
        boolean hasTags = !request.tags().isEmpty();
        if (request.branch() != null && hasTags) {
            text += " with branch " + request.branch() + " and tags " + String.join(", ", request.tags());
        } else if (request.branch() != null) {
            text += " with branch " + request.branch();
        } else if (hasTags) {
            text += " with tags " + String.join(", ", request.tags());
        }
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice("debug", text));
        if (request.branch() == null) {
            notices.add(new Notice(
                    "prompt",
                    "  Next steps:\n    Configure the version branch to be the value of your repository branch."));
        }
        return notices;
    }

    private List<Notice> pactNotices(
            ContractPublishRequest request, ContractPublishRequest.Contract contract, PactService.Published result) {
        PactRow pact = result.pact();
        String consumer = request.pacticipantName();
        String version = request.pacticipantVersionNumber();
        String provider = contract.providerName();
        List<Notice> notices = new ArrayList<>();
        Optional<PactRow> previous = result.previous();
        if (contract.merge() && previous.isPresent()) {
            notices.add(new Notice(
                    "success",
                    "Pact content merged with existing content for " + consumer + " version " + version
                            + " and provider " + provider + "."));
        } else if (previous.isPresent() && result.contentChanged()) {
            notices.add(new Notice(
                    "warning",
                    "Pact with changed content published over existing content for "
                            + consumer + " version " + version + " and provider " + provider
                            + ". This is not recommended in"
                            + " normal circumstances and may indicate that you have not configured your Pact pipeline"
                            + " correctly. For more information see https://docs.pact.io/go/versioning"));
        } else if (previous.isPresent()) {
            notices.add(new Notice(
                    "success",
                    "Pact successfully republished for " + consumer + " version " + version + " and provider "
                            + provider + " with no content changes."));
        } else {
            notices.add(new Notice(
                    "success",
                    "Pact successfully published for " + consumer + " version " + version + " and provider " + provider
                            + "."));
        }
        notices.add(new Notice(
                "debug",
                "  View the published pact at "
                        + urls.pact(pact.providerName(), pact.consumerName(), pact.consumerVersionNumber())));
        notices.add(
                new Notice("debug", "  Events detected: " + result.publication().describeEvents()));
        result.publication().notices().forEach(text -> notices.add(new Notice("debug", text)));
        List<Notice> nextSteps = new ArrayList<>();
        if (!verifications.anyBetween(pact.consumerId(), pact.providerId())) {
            nextSteps.add(new Notice(
                    "prompt",
                    "    * Add Pact verification tests to the " + provider
                            + " build. See https://docs.pact.io/go/provider_verification"));
        }
        if (!webhooks.anyFor(pact.consumerId(), pact.providerId())) {
            nextSteps.add(new Notice(
                    "prompt",
                    "    * Configure separate " + provider
                            + " pact verification build and webhook to trigger it when the pact content changes. See"
                            + " https://docs.pact.io/go/webhooks"));
        }
        if (!nextSteps.isEmpty()) {
            notices.add(new Notice("prompt", "  Next steps:"));
            notices.addAll(nextSteps);
        }
        return notices;
    }
}
