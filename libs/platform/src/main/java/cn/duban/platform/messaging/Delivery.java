package cn.duban.platform.messaging;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A message to hand to an emitter and the broker's answer to it: {@code acked} completes when the broker has
 * the record (acks=all) and fails when the producer gave up, so the sender can wait before it marks anything done.
 */
record Delivery(Message<byte[]> message, CompletableFuture<Void> acked) {

    static Delivery of(Message<byte[]> message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        return new Delivery(message
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }), acked);
    }
}
