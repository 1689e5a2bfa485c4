package cn.duban.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an OpenTelemetry collector: takes the services' OTLP/HTTP trace exports (protobuf, POST
 * /v1/traces) and keeps the spans, so a test can ask what one trace went through. It reads only the fields it
 * needs from the protobuf wire format, which keeps this module free of generated OTLP classes.
 */
final class SpanCollector implements AutoCloseable {
    /** One received span; kind as OTLP numbers it (2 server, 3 client, 4 producer, 5 consumer). */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        static final int SERVER = 2;
        static final int PRODUCER = 4;
        static final int CONSUMER = 5;
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    static SpanCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SpanCollector collector = new SpanCollector(server);
            server.createContext("/v1/traces", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                }
                collector.spans.addAll(exportRequest(body));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
                exchange.close();
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static List<Span> exportRequest(byte[] message) {
        List<Span> found = new ArrayList<>();
        for (Wire w = new Wire(message); w.next(); ) {
            if (w.field() == 1) {
                found.addAll(resourceSpans(w.bytes()));
            }
        }
        return found;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    private static List<Span> resourceSpans(byte[] message) {
        String service = "";
        List<byte[]> spans = new ArrayList<>();
        for (Wire w = new Wire(message); w.next(); ) {
            if (w.field() == 1) {
                service = serviceName(w.bytes());
            } else if (w.field() == 2) {
                for (Wire scope = new Wire(w.bytes()); scope.next(); ) {
                    if (scope.field() == 2) {
                        spans.add(scope.bytes());
                    }
                }
            }
        }
        List<Span> found = new ArrayList<>();
        for (byte[] span : spans) {
            found.add(span(service, span));
        }
        return found;
    }

    // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { string string_value = 1; ... }
    private static String serviceName(byte[] resource) {
        for (Wire w = new Wire(resource); w.next(); ) {
            if (w.field() != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Wire kv = new Wire(w.bytes()); kv.next(); ) {
                if (kv.field() == 1) {
                    key = kv.string();
                } else if (kv.field() == 2) {
                    for (Wire any = new Wire(kv.bytes()); any.next(); ) {
                        if (any.field() == 1) {
                            value = any.string();
                        }
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "";
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4;
    //        string name = 5; SpanKind kind = 6; ... }
    private static Span span(String service, byte[] message) {
        HexFormat hex = HexFormat.of();
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        for (Wire w = new Wire(message); w.next(); ) {
            switch (w.field()) {
                case 1 -> traceId = hex.formatHex(w.bytes());
                case 2 -> spanId = hex.formatHex(w.bytes());
                case 4 -> parent = hex.formatHex(w.bytes());
                case 5 -> name = w.string();
                case 6 -> kind = (int) w.varint();
                default -> w.skip();
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    /** A cursor over one protobuf message's fields. */
    private static final class Wire {
        private final byte[] buffer;
        private int position;
        private int field;
        private int type;
        private boolean consumed = true;

        Wire(byte[] buffer) {
            this.buffer = buffer;
        }

        boolean next() {
            if (!consumed) {
                skip();
            }
            if (position >= buffer.length) {
                return false;
            }
            long tag = readVarint();
            field = (int) (tag >>> 3);
            type = (int) (tag & 7);
            consumed = false;
            return true;
        }

        int field() {
            return field;
        }

        long varint() {
            consumed = true;
            return readVarint();
        }

        byte[] bytes() {
            consumed = true;
            int length = (int) readVarint();
            byte[] value = java.util.Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip() {
            consumed = true;
            switch (type) {
                case 0 -> readVarint();
                case 1 -> position += 8;
                case 2 -> {
                    int length = (int) readVarint(); // read before position is, which the varint moves
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalStateException("unsupported protobuf wire type " + type);
            }
        }

        private long readVarint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer[position++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }
}
