package cn.duban.notifier.view;

import java.util.List;

/** The messages a direct send wrote, one per named receiver, in the order the request named them. */
public record AcceptedList(List<Accepted> messages) {

    /** {@code id}: the message's stable id, as the delivery log and the receiver see it. */
    public record Accepted(String id, String receiver, String status) {
    }
}
