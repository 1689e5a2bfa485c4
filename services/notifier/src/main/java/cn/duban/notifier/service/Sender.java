package cn.duban.notifier.service;

import cn.duban.notifier.config.NotifierConfig;
import cn.duban.notifier.delivery.Channel;
import cn.duban.notifier.repository.ReceiverKind;
import cn.duban.notifier.repository.DeliveryAttempt;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.Receiver;
import cn.duban.text.Text;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Empties each receiver's outbox in order, one message per transaction: the receiver's row is locked (one sender per
 * receiver across replicas), the head message is sent if its rate window has room, the attempt and the answer go
 * into the delivery log, and the message is marked SENT only after the receiver said yes. A failure waits with
 * exponential backoff and blocks the messages behind it (order is kept); a message still failing after
 * giveUpAfter is given up (FAILED). The retry schedule lives in the database, not in a thread, so a restart or a
 * day-long outage delays messages but loses none — which is why this is not SmallRye Fault Tolerance's @Retry.
 * A process killed between the receiver's yes and the commit sends that one message again: docs/notifier.md,
 * "Delivery guarantees".
 */
@ApplicationScoped
public class Sender {
    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final Duration SLOW_DOWN = Duration.ofMinutes(1);

    @Inject
    NotifierConfig config;

    @Inject
    Instance<Channel> channelBeans;

    @Inject
    SecretBox secrets;

    @Inject
    Destinations destinations;

    @Inject
    NotifierMetrics metrics;

    private final Map<ReceiverKind, Channel> channels = new EnumMap<>(ReceiverKind.class);
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private ExecutorService workers;
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        channelBeans.forEach(channel -> channels.put(channel.kind(), channel));
        workers = Executors.newFixedThreadPool(config.sender().workers(), runnable -> {
            Thread thread = new Thread(runnable, "notifier-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Graceful stop: deliveries in hand finish and are recorded; nothing new starts. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        workers.shutdown();
        workers.awaitTermination(config.sender().timeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) GroupFlusher.MessagesWritten written) {
        workers.execute(this::dispatch);
    }

    @Scheduled(every = "${duban.notifier.sender.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void tick() {
        dispatch();
    }

    /** Serves every receiver with a message due, each on one worker at a time. */
    public void dispatch() {
        if (stopping) {
            return;
        }
        List<Long> due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> OutboundMessage.receiversDue(OffsetDateTime.now()));
        } catch (RuntimeException e) {
            LOG.warnf("cannot look for due messages (retrying next tick): %s", e.toString());
            return;
        }
        for (Long receiverId : due) {
            if (busy.add(receiverId)) {
                try {
                    workers.execute(() -> serve(receiverId));
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    busy.remove(receiverId);
                }
            }
        }
    }

    private void serve(Long receiverId) {
        try {
            while (!stopping && sendNext(receiverId)) {
                // the next message of this receiver, if it is due and the window has room
            }
        } catch (RuntimeException e) {
            LOG.warnf("sending to receiver %d paused (retrying next tick): %s", receiverId, e.toString());
        } finally {
            busy.remove(receiverId);
        }
    }

    /** Sends the receiver's head message if it may go now; true when there may be another to send at once. */
    boolean sendNext(Long receiverId) {
        int timeout = (int) config.sender().timeout().multipliedBy(2).plusSeconds(30).toSeconds();
        return QuarkusTransaction.requiringNew().timeout(timeout).call(() -> {
            Receiver receiver = lock(receiverId);
            if (receiver == null) {
                return false; // another replica serves it now
            }
            OutboundMessage message = OutboundMessage.headOf(receiver.id);
            OffsetDateTime now = OffsetDateTime.now();
            if (message == null || message.nextAttemptAt.isAfter(now)) {
                return false;
            }
            Optional<OffsetDateTime> windowFree = windowFull(receiver, now);
            if (windowFree.isPresent()) {
                metrics.rateLimited(receiver.kind.id());
                message.nextAttemptAt = windowFree.get();
                return false;
            }
            Channel.Target target = new Channel.Target(receiver.name, secrets.open(receiver.urlSealed), receiver.recipients,
                    secrets.open(receiver.secretSealed), receiver.language);
            long started = System.nanoTime();
            Channel.Answer answer = refused(target).orElseGet(() -> channels.get(receiver.kind).deliver(target, message));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // stamped when the answer came: the provider received the request before that, so a window counted from
            // here never lets the next request reach it early
            return record(receiver, message, answer, OffsetDateTime.now(), took);
        });
    }

    private boolean record(Receiver receiver, OutboundMessage message, Channel.Answer answer, OffsetDateTime at, Duration took) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.messageId = message.id;
        attempt.receiverId = receiver.id;
        attempt.attemptedAt = at;
        attempt.statusCode = answer.status();
        attempt.answer = answer.said();
        attempt.durationMs = took.toMillis();
        message.attempts++;
        String kind = receiver.kind.id();
        if (answer.delivered()) {
            attempt.outcome = DeliveryAttempt.Outcome.DELIVERED;
            attempt.persist();
            message.status = OutboundMessage.Status.SENT;
            message.sentAt = OffsetDateTime.now();
            message.lastError = null;
            metrics.attempt(kind, "delivered", took);
            metrics.message(kind, "delivered");
            return true;
        }
        message.lastError = answer.said();
        if (at.isAfter(message.createdAt.plus(config.sender().giveUpAfter()))) {
            attempt.outcome = DeliveryAttempt.Outcome.GAVE_UP;
            attempt.persist();
            message.status = OutboundMessage.Status.FAILED;
            metrics.attempt(kind, "gave_up", took);
            metrics.message(kind, "gave_up");
            LOG.errorf("gave up message %s to %s after %d attempts: %s", message.id, receiver.name, message.attempts, answer.said());
            return true;
        }
        attempt.outcome = DeliveryAttempt.Outcome.FAILED;
        attempt.persist();
        Duration wait = backoff(message.attempts);
        if (answer.slowDown() && wait.compareTo(SLOW_DOWN) < 0) {
            wait = SLOW_DOWN;
        }
        message.nextAttemptAt = OffsetDateTime.now().plus(wait);
        metrics.attempt(kind, "failed", took);
        LOG.warnf("message %s to %s not delivered (attempt %d), next try in %d s: %s", message.id, receiver.name,
                message.attempts, wait.toSeconds(), answer.said());
        return false;
    }

    /** When the receiver's rate window frees a place, if it is full now. */
    private Optional<OffsetDateTime> windowFull(Receiver receiver, OffsetDateTime now) {
        NotifierConfig.RateLimit limit = config.rateLimit().get(receiver.kind.id());
        if (limit == null) {
            return Optional.empty();
        }
        if (!limit.spacing().isZero()) {
            OffsetDateTime last = DeliveryAttempt.oldestSince(receiver.id, now.minus(limit.spacing()));
            if (last != null) {
                return Optional.of(last.plus(limit.spacing()).plusNanos(1_000_000));
            }
        }
        OffsetDateTime since = now.minus(limit.per());
        if (DeliveryAttempt.countSince(receiver.id, since) < limit.messages()) {
            return Optional.empty();
        }
        OffsetDateTime oldest = DeliveryAttempt.oldestSince(receiver.id, since);
        return Optional.of((oldest == null ? now : oldest).plus(limit.per()).plusNanos(1_000_000));
    }

    /** The allow-list again at send time: a host may resolve elsewhere than when the receiver was configured. */
    private Optional<Channel.Answer> refused(Channel.Target target) {
        if (target.url() == null) {
            return Optional.empty();
        }
        return destinations.refusal(target.url())
                .map(why -> Channel.Answer.failed(null, Text.of("目的地不被允许：%s", "destination refused: %s", why).zh()));
    }

    Duration backoff(int attempts) {
        long min = config.sender().minBackoff().toMillis();
        long max = config.sender().maxBackoff().toMillis();
        long wait = Math.min(max, min << Math.min(20, Math.max(0, attempts - 1)));
        long jitter = wait / 5;
        return Duration.ofMillis(Math.min(max, wait + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter))));
    }

    private static Receiver lock(Long id) {
        @SuppressWarnings("unchecked")
        List<Receiver> found = Receiver.getEntityManager()
                .createNativeQuery("select * from receiver where id = :id for update skip locked", Receiver.class)
                .setParameter("id", id).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
