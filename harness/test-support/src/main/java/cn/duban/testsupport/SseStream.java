package cn.duban.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One open Server-Sent Events stream, read as a client would (HTTP/1.1, its own connection): every event
 * (id, name, data) and comment it received so far, whether the server ended it, and {@link #close()} to leave as
 * a client that goes away does (the connection is closed).
 */
public final class SseStream implements AutoCloseable {
    /** One event: its id (null if none), its name ("message" if none) and its data lines joined by \n. */
    public record Event(String id, String name, String data) {
    }

    /** One client for all streams; each stream still has its own connection (HTTP/1.1), closed by close(). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile String lastEventId;
    private volatile String startId;
    private volatile boolean ended;

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-" + response.uri().getPath());
            reader.setDaemon(true);
            reader.start();
        } else {
            ended = true;
        }
    }

    /**
     * Opens {@code uri} with {@code headers} (Authorization, Last-Event-ID …) and returns once the head arrived;
     * a head that does not come within 20 s fails the test.
     */
    public static SseStream open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        try {
            return new SseStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The body of a refused stream (a problem+json), read whole. */
    public String refusal() {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of unnamed messages (notices), in order. */
    public List<Event> messages() {
        return events.stream().filter(e -> e.name().equals("message")).toList();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream (or it was refused). */
    public boolean ended() {
        return ended;
    }

    /**
     * The last event id as an SSE client keeps it for Last-Event-ID: set by every block's id line, also a block
     * without data (which dispatches no event); null while none came.
     */
    public String lastEventId() {
        return lastEventId;
    }

    /** The id a block without data set before any event came: a fresh alert stream's start (docs/api.md). */
    public String startId() {
        return startId;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // gone already
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    boolean dispatched = !data.isEmpty() || name != null;
                    if (dispatched) {
                        events.add(new Event(id, name == null ? "message" : name, String.join("\n", data)));
                    } else if (id != null && !id.isEmpty() && events.isEmpty() && startId == null) {
                        startId = id;
                    }
                    if (id != null) { // after the event: whoever sees this id finds its event among events()
                        lastEventId = id.isEmpty() ? null : id; // an empty id clears it, as in the SSE spec
                    }
                    id = null;
                    name = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (IOException e) {
            // closed by close() or by the peer
        } finally {
            ended = true;
        }
    }
}
