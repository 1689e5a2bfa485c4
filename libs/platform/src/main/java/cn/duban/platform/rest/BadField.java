package cn.duban.platform.rest;

import cn.duban.text.Text;
import java.util.Objects;

/** One field a request got wrong, and why, in words the caller reads (problem+json's {@code errors}). */
public record BadField(String field, Text message) {

    public BadField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static BadField of(String field, String zh, String en, Object... args) {
        return new BadField(field, Text.of(zh, en, args));
    }
}
