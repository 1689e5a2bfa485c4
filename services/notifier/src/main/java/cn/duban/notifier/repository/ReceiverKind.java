package cn.duban.notifier.repository;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of receiver, by the name the API uses. */
public enum ReceiverKind {
    DINGTALK, WECOM, FEISHU, EMAIL, WEBHOOK;

    /** The API's and configuration's name: dingtalk, wecom, feishu, email, webhook. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReceiverKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** Mail goes to addresses; every other kind to a URL. */
    public boolean takesAddresses() {
        return this == EMAIL;
    }
}
