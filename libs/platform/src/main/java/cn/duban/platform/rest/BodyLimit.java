package cn.duban.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
        String detail = "the request body is larger than this service accepts (" + limit.asLongValue() + " bytes)";
        String json = "{\"type\":\"urn:duban:problem:too-large\",\"title\":\"Request body too large\",\"status\":413,"
                + "\"detail\":\"" + detail + "\",\"instance\":\"" + context.request().path().replace("\"", "%22")
                        .replace("\\", "%5C") + "\"}";
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json);
    }
}
