package io.pactbroker.broker.common.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Applies the {@link AuthPolicy} to every request before anything else reads it: no or wrong credentials get 401 with
 * a {@code WWW-Authenticate} challenge; the read-only user trying to write gets 403.
 */
@ApplicationScoped
public class AuthGuard {

    @Inject
    AuthPolicy policy;

    void install(@Observes Router router) {
        router.route().order(-190).handler(this::check);
    }

    void check(RoutingContext ctx) {
        AuthPolicy.Decision decision = policy.decide(
                ctx.request().method().name(),
                ctx.request().path(),
                ctx.request().getHeader("Authorization"));
        switch (decision) {
            case ALLOW -> ctx.next();
            case FORBIDDEN ->
                deny(ctx, 403, "You are not allowed to make this request: the read-only user can only read.");
            case UNAUTHORIZED -> {
                ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Pact Broker\"");
                deny(ctx, 401, "Authentication required: send the credentials of a broker user (HTTP basic auth).");
            }
        }
    }

    private static void deny(RoutingContext ctx, int status, String message) {
        String body = "{\"error\":\"" + message + "\"}";
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/hal+json;charset=utf-8")
                .end(body);
    }
}
