package cn.duban.supervision.rest;

import cn.duban.supervision.service.AlertFeed;
import cn.duban.text.Text;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;

/** The alert stream's items as SSE events, in the shape docs/api.md ("Alert streams") promises clients. */
final class StreamEvents {
    private static final Text RESYNC = Text.of("离线期间的督办动态无法逐条补发，请刷新督办单列表",
            "the notices since your last one cannot be replayed one by one; reload your alerts");
    private static final Text ENDED = Text.of("登录凭证已到期，请用新的凭证重新连接",
            "your token has expired; reconnect with a fresh one");

    private StreamEvents() {
    }

    static OutboundSseEvent of(Sse sse, AlertFeed.Item item, Locale language) {
        if (item instanceof AlertFeed.Positioned p) {
            return sse.newEventBuilder().id(Long.toString(p.position())).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(AlertFeed.Notice.class, p.notice()).build();
        } else if (item instanceof AlertFeed.Resync r) {
            return sse.newEventBuilder().name("resync").id(Long.toString(r.covered()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Control.class, new Control("Resync", r.reason(), RESYNC.in(language))).build();
        } else if (item instanceof AlertFeed.Ended e) {
            return control(sse, "end", new Control("StreamEnd", e.reason(), ENDED.in(language)));
        } else if (item instanceof AlertFeed.Opened o) {
            // An id without data sets the client's last event id without an event (the SSE spec's dispatch step).
            OutboundSseEvent.Builder open = sse.newEventBuilder().comment("stream open");
            o.start().ifPresent(start -> open.id(Long.toString(start)));
            return open.build();
        }
        return sse.newEventBuilder().comment("keep-alive").build();
    }

    private static OutboundSseEvent control(Sse sse, String name, Control control) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(Control.class, control)
                .build();
    }

    /** What a control message carries: {"event", "reason", "message"}. */
    record Control(String event, String reason, String message) {
    }
}
