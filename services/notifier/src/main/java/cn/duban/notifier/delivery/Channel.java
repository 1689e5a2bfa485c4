package cn.duban.notifier.delivery;

import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import java.util.List;

/**
 * One kind of receiver's protocol: builds the provider's request from a message (signing it as the provider
 * documents) and reads its answer. Blocking; called by the sender inside the transaction that records the outcome.
 */
public interface Channel {

    ReceiverKind kind();

    Answer deliver(Target target, OutboundMessage message);

    /** A receiver with its URL and secret opened. */
    record Target(String name, String url, List<String> recipients, String secret, String language) {
    }

    /**
     * The receiver's answer. {@code slowDown}: the provider said we send too fast (DingTalk 130101, WeCom 45009,
     * Feishu 11232), so the next try waits at least a minute.
     */
    record Answer(boolean delivered, Integer status, String said, boolean slowDown) {

        public static Answer delivered(int status, String said) {
            return new Answer(true, status, said, false);
        }

        public static Answer failed(Integer status, String said) {
            return new Answer(false, status, said, false);
        }

        public static Answer tooFast(Integer status, String said) {
            return new Answer(false, status, said, true);
        }
    }
}
