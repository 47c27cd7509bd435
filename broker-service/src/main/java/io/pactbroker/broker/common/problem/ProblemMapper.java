package io.pactbroker.broker.common.problem;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one place that turns exceptions into responses, in the Pact Broker's shapes: {@code {"errors": {field:
 * [message]}}} for validation errors, {@code {"error": message}} for other client errors, and {@code {"error":
 * {"message", "reference"}}} for server errors, whose details are only logged under that reference. When the client's
 * {@code Accept} asks for {@code application/problem+json}, every error is an RFC 9457 problem instead.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    static final String HAL_JSON = "application/hal+json;charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json;charset=utf-8";

    @Context
    HttpHeaders headers;

    @Inject
    BrokerUrls urls;

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof BrokerException broker) {
            return render(broker);
        }
        if (exception instanceof WebApplicationException web) {
            return render(web);
        }
        if (exception instanceof java.io.IOException && "Request too large".equals(exception.getMessage())) {
            // a streamed body outgrew the limit; the HTTP server has already answered 413
            return render(InvalidRequestException.tooLarge("The request body is larger than the limit."));
        }
        if (isIntegrityViolation(exception)) {
            return render(new ConflictException(
                    "The request conflicts with a change made at the same time by another request: retry it."));
        }
        return serverError(exception);
    }

    private Response render(BrokerException e) {
        boolean problem = wantsProblem();
        Object body;
        if (problem) {
            Map<String, Object> p = problem(e.type(), e.title(), e.getMessage(), e.status());
            if (e instanceof ValidationException v) {
                p.put("errors", validationProblems(v));
            }
            body = p;
        } else if (e instanceof ValidationException v) {
            body = Map.of("errors", v.body());
        } else if (e instanceof ConflictException c && c.body() != null) {
            body = c.body();
        } else {
            body = Map.of("error", e.getMessage());
        }
        return Response.status(e.status())
                .type(problem ? PROBLEM_JSON : HAL_JSON)
                .entity(body)
                .build();
    }

    private Response render(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e);
        }
        String message;
        String type;
        if (status == 404) {
            message = "The requested document was not found on this server.";
            type = "not-found";
        } else if (e instanceof NotAllowedException) {
            message = "The method is not allowed for this resource.";
            type = "method-not-allowed";
        } else if (e instanceof NotSupportedException) {
            message = "The request body must be JSON (Content-Type: application/json).";
            type = "unsupported-media-type";
        } else if (e instanceof NotAcceptableException) {
            message = "The resource cannot be represented in any of the media types in the Accept header.";
            type = "not-acceptable";
        } else {
            message = e.getMessage();
            type = "client-error";
        }
        boolean problem = wantsProblem();
        Object body = problem
                ? problem(
                        type,
                        Response.Status.fromStatusCode(status) == null ? "Error" : reason(status),
                        message,
                        status)
                : Map.of("error", message);
        Response.ResponseBuilder builder =
                Response.status(status).type(problem ? PROBLEM_JSON : HAL_JSON).entity(body);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    private Response serverError(Throwable e) {
        String reference = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LOG.errorf(e, "Error reference %s", reference);
        String message = "An error has occurred. The details have been logged with the reference " + reference;
        boolean problem = wantsProblem();
        Object body = problem
                ? problem("server-error", "Server error", message, 500)
                : Map.of("error", Hal.object("message", message, "reference", reference));
        return Response.status(500)
                .type(problem ? PROBLEM_JSON : HAL_JSON)
                .entity(body)
                .build();
    }

    /**
     * A unique or foreign key violation: two requests raced for the same row (the services avoid them for ordinary
     * creation, so what is left is a genuine concurrent conflict).
     */
    static boolean isIntegrityViolation(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private boolean wantsProblem() {
        if (headers == null) {
            return false;
        }
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.stream().anyMatch(a -> a.contains("application/problem+json"));
    }

    private Map<String, Object> problem(String type, String title, String detail, int status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", baseUrl() + "/problems/" + type);
        p.put("title", title);
        p.put("detail", detail);
        p.put("status", status);
        return p;
    }

    private List<Map<String, Object>> validationProblems(ValidationException v) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (v.messages() != null) {
            v.messages().forEach(message -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("type", baseUrl() + "/problems/invalid-query-parameter-value");
                error.put("title", "Invalid query parameter");
                error.put("detail", message);
                list.add(error);
            });
        }
        v.errors()
                .forEach((field, messages) -> messages.forEach(message -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("type", baseUrl() + "/problems/invalid-body-property-value");
                    error.put("title", "Invalid body parameter");
                    error.put("detail", message);
                    error.put("pointer", "/" + field.replace('.', '/'));
                    list.add(error);
                }));
        return list;
    }

    private String baseUrl() {
        try {
            return urls.base();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "Error" : s.getReasonPhrase();
    }
}
