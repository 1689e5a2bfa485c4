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
import cn.duban.text.Languages;
import cn.duban.text.Text;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a Duban service as application/problem+json; bad input is a 4xx, never a 500. Its words are
 * Chinese unless the caller's {@code Accept-Language} prefers English ({@link Languages}); Bean Validation's own
 * messages follow the same header (quarkus.locales).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response duban(DubanException e, UriInfo uri, HttpHeaders headers) {
        Locale language = language(headers);
        return respond(e.toProblem(language).at(uri.getPath()), language);
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        Locale language = language(headers);
        String detail = DubanException.summary(errors.stream()
                .map(f -> new BadField(f.field(), new Text(f.message(), f.message()))).toList()).in(language);
        return respond(Problem.of(400, "invalid-request", DubanException.INVALID.in(language), detail)
                .withErrors(errors).at(uri.getPath()), language);
    }

    /** Unreadable JSON, wrong types and impossible dates, with the path of the field at fault. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        // Jackson's own words name the offending token and the expected type: kept, after a sentence in the caller's language.
        String cause = e.getOriginalMessage().split("\n")[0];
        Locale language = language(headers);
        Text detail = field.isEmpty()
                ? Text.of("请求体不是有效的 JSON:%s", "request body is not valid JSON: %s", cause)
                : Text.of("%s:取值无法读取(%s)", "%s: %s", field, cause);
        Problem problem = Problem.of(400, "invalid-request", DubanException.INVALID.in(language), detail.in(language));
        if (!field.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field,
                    Text.of("取值无法读取(%s)", "%s", cause).in(language))));
        }
        return respond(problem.at(uri.getPath()), language);
    }

    /** Wrong JSON types; Quarkus has its own mapper for exactly this type, which would answer plain JSON. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response r = e.getResponse();
        if (r.getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri, headers);
        }
        // a query parameter's own check (e.g. PageRequest's) refused it while the parameters were read
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DubanException refused) {
                return duban(refused, uri, headers);
            }
        }
        Locale language = language(headers);
        Response.StatusType status = r.getStatusInfo();
        Text words = HttpWords.of(status.getStatusCode(), status.getReasonPhrase());
        Response.ResponseBuilder builder = Response.fromResponse(respond(Problem.of(status.getStatusCode(),
                "http-" + status.getStatusCode(), words.in(language), HttpWords.detail(status.getStatusCode(),
                        e.getMessage()).in(language)).at(uri.getPath()), language));
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
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Locale language = language(headers);
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated",
                Text.of("请先登录", "Sign in first").in(language),
                Text.of("需要督办(duban)认证域签发的有效令牌(见 docs/security.md)",
                        "a valid bearer token from the Duban realm is required (docs/security.md)").in(language))
                .at(uri.getPath()), language)).header("WWW-Authenticate", "Bearer realm=\"duban\"").build();
    }

    /** A role the endpoint does not admit; refusals of scope say more, through {@link DubanException#forbidden}. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        Locale language = language(headers);
        return respond(Problem.of(403, "forbidden", DubanException.FORBIDDEN.in(language),
                Text.of("您的角色不能进行此操作(见 docs/security.md)", "your role may not do this (docs/security.md)")
                        .in(language)).at(uri.getPath()), language);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        Locale language = language(headers);
        SQLException data = dataException(e, 0);
        if (data != null) {
            // PostgreSQL refused a value itself (a NUL character, a number or date out of its range): bad input,
            // and the transaction rolled back. Found by the BadInput property tests.
            return respond(Problem.of(400, "invalid-request", DubanException.INVALID.in(language),
                    Text.of("有取值无法按原样保存:%s", "a value cannot be stored as given: %s",
                            data.getMessage().split("\n")[0]).in(language)).at(uri.getPath()), language);
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of(500, "internal", Text.of("服务内部错误", "Internal error").in(language),
                Text.of("请求在服务内部失败,已记录日志,没有保存任何不完整的数据",
                        "the request failed inside the service; it was logged, nothing was half-stored").in(language))
                .at(uri.getPath()), language);
    }

    static Locale language(HttpHeaders headers) {
        return headers == null ? Languages.CHINESE : Languages.preferred(headers.getAcceptableLanguages());
    }

    private static Response respond(Problem problem, Locale language) {
        return Response.fromResponse(problem.toResponse()).header("Content-Language", language.toLanguageTag()).build();
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
