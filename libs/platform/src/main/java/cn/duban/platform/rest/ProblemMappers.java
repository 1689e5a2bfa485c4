package cn.duban.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves a Duban service as application/problem+json; bad input is a 4xx, never a 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response duban(DubanException e, UriInfo uri) {
        return e.toProblem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(400, "invalid-request", "Invalid request", detail).withErrors(errors).at(uri.getPath())
                .toResponse();
    }

    /** Unreadable JSON, wrong types and impossible dates, with the path of the field at fault. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String message = e.getOriginalMessage().split("\n")[0];
        Problem problem = Problem.of(400, "invalid-request", "Invalid request",
                field.isEmpty() ? "request body is not valid JSON: " + message : field + ": " + message);
        if (!field.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, message)));
        }
        return problem.at(uri.getPath()).toResponse();
    }

    /** Wrong JSON types; Quarkus has its own mapper for exactly this type, which would answer plain JSON. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        if (r.getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType status = r.getStatusInfo();
        Response.ResponseBuilder builder = Response.fromResponse(Problem.of(status.getStatusCode(),
                "http-" + status.getStatusCode(), status.getReasonPhrase(), e.getMessage()).at(uri.getPath())
                .toResponse());
        r.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** No token, or one that is forged, expired, or from another issuer or audience. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Sign in first",
                "a valid bearer token from the Duban realm is required (docs/security.md)").at(uri.getPath())
                .toResponse()).header("WWW-Authenticate", "Bearer realm=\"duban\"").build();
    }

    /** A role the endpoint does not admit; refusals of scope say more, through {@link DubanException#forbidden}. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "forbidden", "Forbidden", "your role may not do this (docs/security.md)")
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        SQLException data = dataException(e, 0);
        if (data != null) {
            // PostgreSQL refused a value itself (a NUL character, a number or date out of its range): bad input,
            // and the transaction rolled back. Found by the BadInput property tests.
            return Problem.of(400, "invalid-request", "Invalid request", "a value cannot be stored as given: "
                    + data.getMessage().split("\n")[0]).at(uri.getPath()).toResponse();
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return Problem.of(500, "internal", "Internal error",
                "the request failed inside the service; it was logged, nothing was half-stored")
                .at(uri.getPath()).toResponse();
    }

    /** SQLSTATE class 22, "data exception", anywhere among the causes and suppressed exceptions. */
    private static SQLException dataException(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return null;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            return sql;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            SQLException found = dataException(suppressed, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return dataException(t.getCause(), depth + 1);
    }

    private static String field(ConstraintViolation<?> violation) {
        // "post.body.figures[0].value" → "figures[0].value": the caller knows its body, not our method names.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
