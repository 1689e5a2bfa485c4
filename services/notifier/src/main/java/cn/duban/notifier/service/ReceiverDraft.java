package cn.duban.notifier.service;

import java.util.List;

/** A receiver as the office (or the operator's configuration) describes it; the secret is write-only. */
public record ReceiverDraft(String name, String kind, String url, List<String> to, String secret, String language) {
    public ReceiverDraft {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
