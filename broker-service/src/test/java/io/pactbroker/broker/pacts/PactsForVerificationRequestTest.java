package io.pactbroker.broker.pacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.ValidationException;
import io.pactbroker.broker.common.web.NestedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request's validation rules and messages are the Pact Broker's; these examples follow its own tests. */
class PactsForVerificationRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PactsForVerificationRequest parse(String json) {
        try {
            return PactsForVerificationRequest.fromJson((ObjectNode) JSON.readTree(json), name -> name.equals("prod"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, List<String>> errors(String json) {
        return catchThrowableOfType(ValidationException.class, () -> parse(json))
                .errors();
    }

    private static List<String> selectorErrors(String selector) {
        return errors("{\"consumerVersionSelectors\": [" + selector + "]}").get("consumerVersionSelectors");
    }

    @Test
    void shouldAcceptAnEmptyRequestWithPendingOnByDefault() {
        PactsForVerificationRequest request = parse("{}");

        assertThat(request.selectors()).isEmpty();
        assertThat(request.includePendingStatus()).isTrue();
        assertThat(request.includeWipPactsSince()).isNull();
        assertThat(request.providerVersionTags()).isEmpty();
    }

    @Test
    void shouldReadBranchAndMainBranchSelectorsAsLatest() {
        PactsForVerificationRequest request =
                parse("{\"providerVersionBranch\": \"feat-x\", \"consumerVersionSelectors\":"
                        + " [{\"mainBranch\": true}, {\"branch\": \"main\"}, {\"matchingBranch\": true}, {\"branch\": true},"
                        + " {\"tag\": \"prod\"}]}");

        assertThat(request.selectors())
                .extracting(ConsumerVersionSelector::type)
                .containsExactly(
                        ConsumerVersionSelector.Type.LATEST_FOR_MAIN_BRANCH,
                        ConsumerVersionSelector.Type.LATEST_FOR_BRANCH,
                        ConsumerVersionSelector.Type.LATEST_FOR_BRANCH,
                        ConsumerVersionSelector.Type.LATEST_FOR_EACH_BRANCH,
                        ConsumerVersionSelector.Type.ALL_FOR_TAG);
        assertThat(request.selectors().get(2).branch()).isEqualTo("feat-x");
        assertThat(request.selectors().get(2).matchingBranch()).isTrue();
    }

    @Test
    void shouldSplitDeployedOrReleasedIntoTwoSelectors() {
        PactsForVerificationRequest request =
                parse("{\"consumerVersionSelectors\": [{\"deployedOrReleased\": true, \"environment\": \"prod\"}]}");

        assertThat(request.selectors())
                .containsExactly(
                        ConsumerVersionSelector.currentlyDeployed("prod"),
                        ConsumerVersionSelector.currentlySupported("prod"));
    }

    @Test
    void shouldReadTheWipDateWithOrWithoutTimeAndOffset() {
        assertThat(parse("{\"includeWipPactsSince\": \"2020-01-02\", \"providerVersionBranch\": \"main\"}")
                        .includeWipPactsSince())
                .isEqualTo(OffsetDateTime.of(2020, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(parse("{\"includeWipPactsSince\": \"2013-02-13T20:04:45.000+11:00\"}")
                        .includeWipPactsSince())
                .isEqualTo(OffsetDateTime.of(2013, 2, 13, 20, 4, 45, 0, ZoneOffset.ofHours(11)));
    }

    @Test
    void shouldRefuseAnEmptySelector() {
        assertThat(selectorErrors("{}"))
                .containsExactly("must specify a value for environment or tag or branch, or specify mainBranch=true,"
                        + " matchingBranch=true, latest=true, deployed=true, released=true or deployedOrReleased=true"
                        + " (at index 0)");
    }

    @Test
    void shouldRefuseAFallbackTagWithoutLatestAndABlankConsumer() {
        assertThat(selectorErrors("{\"consumer\": \" \", \"tag\": \"feat-x\", \"fallbackTag\": \"master\"}"))
                .containsExactly(
                        "consumer cannot be blank (at index 0)",
                        "fallbackTag can only be set if latest is true (at index 0)");
    }

    @Test
    void shouldRefuseContradictorySelectorsWithThePactBrokersMessages() {
        assertThat(selectorErrors("{\"environment\": \"prod\", \"latest\": true}"))
                .containsExactly("cannot specify the field latest with the field environment (at index 0)");
        assertThat(selectorErrors(
                        "{\"environment\": \"prod\", \"latest\": true, \"tag\": \"foo\", \"deployed\": true}"))
                .containsExactly(
                        "cannot specify the fields latest/tag with the fields deployed/environment (at index 0)");
        assertThat(selectorErrors("{\"branch\": \"foo\", \"tag\": \"foo\", \"latest\": true}"))
                .containsExactly("cannot specify both a tag and a branch (at index 0)");
        assertThat(selectorErrors("{\"fallbackTag\": \"foo\", \"latest\": true, \"branch\": \"foo\"}"))
                .containsExactly("a tag must be specified when a fallbackTag is specified (at index 0)");
        assertThat(selectorErrors("{\"fallbackBranch\": \"foo\", \"tag\": \"foo\"}"))
                .containsExactly("a branch must be specified when a fallbackBranch is specified (at index 0)");
        assertThat(selectorErrors("{\"branch\": \"foo\", \"latest\": false}"))
                .containsExactly("cannot specify a branch with latest=false (at index 0)");
        assertThat(selectorErrors("{\"mainBranch\": true, \"latest\": false}"))
                .containsExactly("cannot specify mainBranch=true with latest=false (at index 0)");
        assertThat(selectorErrors("{\"mainBranch\": true, \"tag\": \"x\"}"))
                .containsExactly(
                        "cannot specify mainBranch=true with any other criteria apart from consumer (at index 0)");
        assertThat(selectorErrors("{\"deployed\": true, \"released\": true}"))
                .containsExactly("cannot specify both deployed=true and released=true (at index 0)");
        assertThat(selectorErrors("{\"released\": true, \"deployedOrReleased\": true}"))
                .containsExactly("cannot specify both released=true and deployedOrReleased=true (at index 0)");
    }

    @Test
    void shouldRefuseWrongTypesAsThePactBrokerWordsThem() {
        assertThat(selectorErrors("{\"environment\": \"prod\", \"deployed\": false}"))
                .containsExactly("deployed must be one of: true (at index 0)");
        assertThat(selectorErrors("{\"deployed\": null}")).containsExactly("deployed must be filled (at index 0)");
        assertThat(selectorErrors("{\"branch\": false}"))
                .containsExactly("branch must be a string or branch must be equal to true (at index 0)");
        assertThat(selectorErrors("{\"tag\": 1}")).containsExactly("tag must be a string (at index 0)");
        assertThat(errors("{\"consumerVersionSelectors\": true}"))
                .containsEntry("consumerVersionSelectors", List.of("must be an array"));
        assertThat(errors("{\"providerVersionTags\": true}"))
                .containsEntry("providerVersionTags", List.of("must be an array"));
        assertThat(errors("{\"includePendingStatus\": \"yes\"}"))
                .containsEntry("includePendingStatus", List.of("must be one of: true, false"));
        assertThat(errors("{\"includeWipPactsSince\": \"foo\"}"))
                .containsEntry("includeWipPactsSince", List.of("must be a date"));
        assertThat(errors("{\"includeWipPactsSince\": null}"))
                .containsEntry("includeWipPactsSince", List.of("must be filled"));
    }

    @Test
    void shouldRefuseAnEnvironmentThatDoesNotExist() {
        assertThat(selectorErrors("{\"environment\": \"test\"}"))
                .containsExactly("environment with name 'test' does not exist (at index 0)");
    }

    @Test
    void shouldRequireTheProviderBranchForMatchingBranch() {
        assertThat(selectorErrors("{\"matchingBranch\": true}"))
                .containsExactly("the providerVersionBranch must be specified when the selector matchingBranch=true is"
                        + " used (at index 0)");
    }

    @Test
    void shouldRefuseABlankProviderBranchButToleratesAnEmptyOneUnlessPendingOrWipNeedIt() {
        assertThat(errors("{\"providerVersionBranch\": \" \"}"))
                .containsEntry("providerVersionBranch", List.of("cannot be blank"));
        assertThat(errors("{\"providerVersionBranch\": \"\", \"includePendingStatus\": true}"))
                .containsKey("providerVersionBranch");
        assertThat(parse("{\"providerVersionBranch\": \"\", \"providerVersionTags\": [\"main\"],"
                                + " \"includePendingStatus\": true}")
                        .branch())
                .isNull();
        assertThat(parse("{\"providerVersionBranch\": \"\"}").branch()).isNull();
    }

    @Test
    void shouldCollectEveryProblemOfEverySelector() {
        Map<String, List<String>> errors = errors("{\"consumerVersionSelectors\": [{\"tag\": \"x\"}, {}, 3]}");

        assertThat(errors.get("consumerVersionSelectors"))
                .containsExactly(
                        "must specify a value for environment or tag or branch, or specify mainBranch=true,"
                                + " matchingBranch=true, latest=true, deployed=true, released=true or"
                                + " deployedOrReleased=true (at index 1)",
                        "must be a hash (at index 2)");
    }

    @Test
    void shouldReadTheDeprecatedQueryString() {
        PactsForVerificationRequest request = PactsForVerificationRequest.fromQuery(
                NestedQuery.parse("consumer_version_selectors[][tag]=prod&consumer_version_selectors[][latest]=true"
                        + "&provider_version_tags[]=main&include_pending_status=false"));

        assertThat(request.deprecated()).isTrue();
        assertThat(request.selectors()).containsExactly(ConsumerVersionSelector.latestForTag("prod"));
        assertThat(request.providerVersionTags()).containsExactly("main");
        assertThat(request.includePendingStatus()).isFalse();
    }

    @Test
    void shouldRequireATagInTheDeprecatedQueryString() {
        ValidationException e = catchThrowableOfType(
                ValidationException.class,
                () -> PactsForVerificationRequest.fromQuery(
                        NestedQuery.parse("consumer_version_selectors[][latest]=yes")));

        assertThat(e.errors().get("consumer_version_selectors"))
                .containsExactly("tag is missing (at index 0)", "latest must be one of: true, false (at index 0)");
    }
}
