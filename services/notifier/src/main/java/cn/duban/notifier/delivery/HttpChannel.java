package cn.duban.notifier.delivery;

import cn.duban.notifier.repository.ReceiverKind;
import jakarta.inject.Inject;

/**
 * A channel that delivers by one HTTP POST to the receiver's URL: the three chat robots ({@link ChatRobot}) and a
 * department's webhook.
 */
abstract class HttpChannel implements Channel {
    private final ReceiverKind kind;

    @Inject
    RobotHttp http;

    HttpChannel(ReceiverKind kind) {
        this.kind = kind;
    }

    @Override
    public ReceiverKind kind() {
        return kind;
    }
}
