package cn.duban.platform.rest;

import cn.duban.text.Languages;
import cn.duban.text.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is answered 413 as application/problem+json like every other
 * refusal: Vert.x's own answer (before any JAX-RS code runs) is an empty body. A declared Content-Length is refused
 * before the body is read; a chunked body that grows past the limit is turned into the same problem when it fails.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength).failureHandler(this::tooLarge);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void tooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext context) {
        Locale language = Languages.preferred(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problem.of(413, "too-large", Text.of("请求体过大", "Request body too large").in(language),
                Text.of("请求体超过了本服务接受的大小(%s 字节)", "the request body is larger than this service accepts (%s bytes)",
                        limit.asLongValue()).in(language)).at(context.request().path());
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Content-Language", language.toLanguageTag())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem));
    }

    private static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
