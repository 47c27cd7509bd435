package io.pactbroker.broker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTemplateTest {

    private static final Map<String, String> PARAMETERS = Map.of(
            "pactbroker.consumerName", "Foo Thing",
            "pactbroker.consumerVersionNumber", "1.0.0+build/7",
            "pactbroker.providerName", "Bar \"quoted\"",
            "pactbroker.consumerVersionBranch", "${pactbroker.consumerName}");

    @Test
    void shouldEncodeValuesInTheUrlAsThePactBrokerDoes() {
        String url = WebhookTemplate.renderUrl(
                "https://ci/job/${pactbroker.consumerName}?v=${pactbroker.consumerVersionNumber}", PARAMETERS);

        assertThat(url).isEqualTo("https://ci/job/Foo+Thing?v=1.0.0%2Bbuild%2F7");
    }

    @Test
    void shouldRenderJsonBodiesAsValidJsonWhateverTheValues() throws Exception {
        var body = new ObjectMapper()
                .readTree("{\"${pactbroker.consumerName}\": [\"${pactbroker.providerName}\", 1]," + " \"n\": null}");

        String rendered = WebhookTemplate.renderJson(body, PARAMETERS).toString();

        assertThat(rendered).isEqualTo("{\"Foo Thing\":[\"Bar \\\"quoted\\\"\",1],\"n\":null}");
    }

    @Test
    void shouldRenderHeadersStringBodiesAndCredentials() {
        Webhook.Template template = new Webhook.Template(
                "post",
                "https://ci/${pactbroker.consumerName}",
                List.of(new Webhook.Header("X-Consumer", "${pactbroker.consumerName}")),
                TextNode.valueOf("<build consumer=\"${pactbroker.consumerName}\"/>"),
                "${pactbroker.consumerName}",
                "secret ${pactbroker.consumerVersionNumber}");

        WebhookTemplate.Rendered r = WebhookTemplate.render(template, PARAMETERS);

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo("https://ci/Foo+Thing");
        assertThat(r.headers()).containsExactly(new Webhook.Header("X-Consumer", "Foo Thing"));
        assertThat(r.body()).isEqualTo("<build consumer=\"Foo Thing\"/>");
        assertThat(r.jsonBody()).isFalse();
        assertThat(r.username()).isEqualTo("Foo Thing");
        assertThat(r.password()).isEqualTo("secret 1.0.0+build/7");
    }

    @Test
    void shouldNeverExpandAValueThatLooksLikeAParameter() {
        assertThat(WebhookTemplate.render("${pactbroker.consumerVersionBranch}", PARAMETERS, v -> v))
                .isEqualTo("${pactbroker.consumerName}");
    }

    @Test
    void shouldLeaveUnknownParametersAsWritten() {
        assertThat(WebhookTemplate.render("a ${pactbroker.nope} ${other.x}", PARAMETERS, v -> v))
                .isEqualTo("a ${pactbroker.nope} ${other.x}");
    }

    @Test
    void shouldComputeEveryVerificationStatusKeyword() {
        Map<String, String> failed = TemplateParameters.of(source(false));
        Map<String, String> none = TemplateParameters.of(source(null));

        assertThat(failed)
                .containsEntry(TemplateParameters.GITHUB_VERIFICATION_STATUS, "failure")
                .containsEntry(TemplateParameters.BITBUCKET_VERIFICATION_STATUS, "FAILED")
                .containsEntry(TemplateParameters.AZURE_DEV_OPS_VERIFICATION_STATUS, "failed")
                .containsEntry(TemplateParameters.GITLAB_VERIFICATION_STATUS, "failed")
                .containsEntry(TemplateParameters.CONSUMER_VERSION_TAGS, "dev, prod");
        assertThat(TemplateParameters.of(source(true)))
                .containsEntry(TemplateParameters.GITHUB_VERIFICATION_STATUS, "success")
                .containsEntry(TemplateParameters.BITBUCKET_VERIFICATION_STATUS, "SUCCESSFUL")
                .containsEntry(TemplateParameters.AZURE_DEV_OPS_VERIFICATION_STATUS, "succeeded")
                .containsEntry(TemplateParameters.GITLAB_VERIFICATION_STATUS, "success");
        assertThat(none)
                .containsEntry(TemplateParameters.GITHUB_VERIFICATION_STATUS, "pending")
                .containsEntry(TemplateParameters.BITBUCKET_VERIFICATION_STATUS, "INPROGRESS")
                .containsEntry(TemplateParameters.PROVIDER_VERSION_NUMBER, "");
        assertThat(none.keySet()).containsExactlyElementsOf(TemplateParameters.ALL);
    }

    private static TemplateParameters.Source source(Boolean success) {
        return new TemplateParameters.Source(
                "contract_published",
                "Foo",
                "Bar",
                "https://broker/pacts/x",
                "1",
                List.of("dev", "prod"),
                "main",
                null,
                List.of(),
                null,
                List.of(),
                success,
                null,
                List.of(),
                List.of(),
                null);
    }

    @Test
    void shouldFindTheHostOfATemplatedUrl() {
        assertThat(Webhook.Template.host("https://ci.example.org/${pactbroker.consumerName}"))
                .isEqualTo("ci.example.org");
        assertThat(WebhookTemplate.withPlaceholder("https://${pactbroker.x}/", "p"))
                .isEqualTo("https://p/");
    }
}
