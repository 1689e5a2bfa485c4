package cn.duban.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Sends a JSON body with a strong ETag of its bytes, or 304 when the phone already holds exactly that body. */
final class Etags {
    private Etags() {
    }

    static void send(RoutingContext ctx, Buffer json) {
        String etag = "\"" + digest(json.getBytes()) + "\"";
        ctx.request().resume();
        // Private: the body is the caller's own; no-cache: revalidate every time, which is what the ETag is for.
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "private, no-cache")
                .putHeader("Vary", "Authorization");
        if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response().setStatusCode(304).end();
        } else {
            ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(json);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
