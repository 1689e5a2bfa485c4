package cn.duban.notifier.delivery;

import cn.duban.events.EventCodec;
import cn.duban.notifier.config.NotifierConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP for robots and webhooks: JSON in UTF-8, a bounded wait, and never a redirect (a redirect could lead past the
 * destination allow-list).
 */
@ApplicationScoped
public class RobotHttp {

    @Inject
    NotifierConfig config;

    private HttpClient client;

    /** A response, or the reason none came. */
    public record Response(int status, String body, String failure) {
        public boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        /** The body as JSON, or null when it is not JSON. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return EventCodec.json().readTree(body);
            } catch (JsonProcessingException e) {
                return null;
            }
        }

        public String said() {
            String text = failure != null ? failure : body;
            return text == null ? "" : text.length() > 1000 ? text.substring(0, 1000) : text;
        }
    }

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.sender().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** As the chat robots (钉钉, 企业微信, 飞书) take it: JSON in UTF-8, no headers of their own. */
    public Response postJson(String url, Object body) {
        String json;
        try {
            json = body instanceof String text ? text : EventCodec.json().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        return post(url, json, "application/json; charset=utf-8", Map.of());
    }

    public Response post(String url, String json, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.sender().timeout())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Response(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, "interrupted");
        }
    }
}
