package io.pactbroker.broker.pacts;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pacts-for-verification response, as the Pact Broker writes it. */
public final class VerifiablePactsRepresentation {

    private VerifiablePactsRepresentation() {}

    public static Map<String, Object> from(
            List<VerifiablePact> pacts, PactsForVerificationRequest request, String selfUrl, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of("pacts", pacts.stream().map(p -> pact(p, request, urls)).toList()));
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(selfUrl, "Pacts to be verified"))
                        .build());
        return body;
    }

    static Map<String, Object> pact(VerifiablePact p, PactsForVerificationRequest request, BrokerUrls urls) {
        PactRow pact = p.pact();
        String provider = pact.providerName();
        String consumer = pact.consumerName();
        String noticeUrl =
                urls.pactVersion(provider, consumer, pact.sha(), p.wip() ? PactMetadata.forWipNotice() : null);
        VerifiablePactMessages messages = new VerifiablePactMessages(p, noticeUrl);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (request.includePendingStatus()) {
            properties.put("pending", Boolean.TRUE.equals(p.pending()));
        }
        if (p.wip()) {
            properties.put("wip", true);
        }
        properties.put(
                "notices",
                messages.notices(request.includePendingStatus(), request.deprecated()).stream()
                        .map(n -> {
                            Map<String, Object> notice = new LinkedHashMap<>();
                            notice.put("when", n.when());
                            notice.put("text", n.text());
                            return notice;
                        })
                        .toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shortDescription", messages.shortDescription());
        body.put("verificationProperties", properties);
        body.put(
                "_links",
                Links.create()
                        .add(
                                "self",
                                Link.of(
                                        urls.pactVersion(
                                                provider, consumer, pact.sha(), PactMetadata.forVerifiablePact(p)),
                                        null,
                                        pact.name()))
                        .build());
        return body;
    }
}
