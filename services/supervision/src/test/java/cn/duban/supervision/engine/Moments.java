package cn.duban.supervision.engine;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants of the business clock written the way people read them, with their offset. */
final class Moments {

    private Moments() {
    }

    /** {@code "2022-06-01T09:00+08:00"} or {@code "2022-05-31T16:30Z"}. */
    static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    /** 09:00 in Shanghai on that date, when the office's daily evaluation runs. */
    static Instant morningOf(String isoDate) {
        return at(isoDate + "T09:00+08:00");
    }
}
