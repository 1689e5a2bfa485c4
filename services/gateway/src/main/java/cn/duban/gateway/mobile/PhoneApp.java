package cn.duban.gateway.mobile;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporters' phone app at /m/ (docs/phone.md): plain files from the classpath folder {@code phone/}, its npm
 * libraries among them (copied there by the build), under a Content-Security-Policy that lets the page load scripts
 * from this origin only, plus its one inline script, the import map, by hash. Revalidated on every load, so a new
 * version reaches phones at once.
 */
public final class PhoneApp {
    static final String ROOT = "phone";
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final StaticHandler files = StaticHandler.create(ROOT).setCachingEnabled(false)
            .setDefaultContentEncoding("UTF-8").setIncludeHidden(false).setDirectoryListing(false);
    private final String policy;

    public PhoneApp() {
        this.policy = policy(read(ROOT + "/index.html"));
    }

    public void serve(RoutingContext ctx) {
        ctx.request().resume();
        ctx.response().putHeader("Content-Security-Policy", policy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-cache");
        files.handle(ctx);
    }

    /** Everything from this origin only; blob: images are the evidence thumbnails the app fetched with its token. */
    static String policy(String indexHtml) {
        Matcher importMap = IMPORT_MAP.matcher(indexHtml);
        String inline = importMap.find() ? " 'sha256-" + sha256(importMap.group(1)) + "'" : "";
        return "default-src 'self'; script-src 'self'" + inline + "; style-src 'self'; img-src 'self' blob: data:; "
                + "connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = PhoneApp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's classpath (src/main/phone)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
