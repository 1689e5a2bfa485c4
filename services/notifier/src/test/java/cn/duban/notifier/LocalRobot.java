package cn.duban.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider's endpoint on the loopback interface: records every request (query, headers, body, when) and answers
 * as the provider would, or fails the first requests to stand for an outage.
 */
public final class LocalRobot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Request(String path, Map<String, String> query, Map<String, String> headers, String body, Instant at) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Function<Request, String> answer;

    private LocalRobot(String okAnswer) {
        this.answer = request -> okAnswer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String raw = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = new LinkedHashMap<>();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestURI().getPath(), query, headers, body, Instant.now());
            requests.add(request);
            byte[] out;
            int status;
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
                out = "{\"error\":\"down for the test\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                out = answer.apply(request).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    /** DingTalk and WeCom answer {"errcode":0,"errmsg":"ok"}. */
    public static LocalRobot dingTalkOrWeCom() {
        return new LocalRobot("{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    /** Feishu answers {"code":0,"msg":"success","data":{}}. */
    public static LocalRobot feishu() {
        return new LocalRobot("{\"code\":0,\"msg\":\"success\",\"data\":{}}");
    }

    /** A department's webhook answers 200 with anything. */
    public static LocalRobot webhook() {
        return new LocalRobot("{\"received\":true}");
    }

    /** Answers each request with what {@code answer} says (e.g. a signature check's verdict). */
    public LocalRobot answering(Function<Request, String> answer) {
        this.answer = answer;
        return this;
    }

    /** The next {@code count} requests get 503. */
    public LocalRobot failNext(int count) {
        failuresLeft.set(count);
        return this;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
