package cn.duban.notifier.service;

import cn.duban.notifier.config.NotifierConfig;
import cn.duban.notifier.repository.GroupMember;
import cn.duban.notifier.repository.MessageContent;
import cn.duban.notifier.repository.Notice;
import cn.duban.notifier.repository.NoticeGroup;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.Receiver;
import cn.duban.notifier.repository.TaskCard;
import cn.duban.notifier.routing.Matcher;
import cn.duban.notifier.routing.QuietHours;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends aggregation groups when they are due, as Alertmanager does: a new group after its groupWait, news after the
 * next groupInterval tick, open notices again after repeatInterval. A notice is held back — and looked at again every
 * groupInterval — while a silence mutes it, while an open RED alert of its task inhibits it, or at night for a
 * receiver that pushes to phones unless it is RED at level 2 or more. The message goes into the receiver's outbox in
 * the same transaction that records what the group has announced, so a crash loses or doubles nothing.
 */
@ApplicationScoped
public class GroupFlusher {
    private static final Logger LOG = Logger.getLogger(GroupFlusher.class);

    @Inject
    NotifierConfig config;

    @Inject
    BusinessTime time;

    @Inject
    Silences silences;

    @Inject
    MessageWriter writer;

    @Inject
    NotifierMetrics metrics;

    @Inject
    Event<MessagesWritten> written;

    private QuietHours quietHours;

    /** Fired in the transaction that wrote messages; the sender wakes when it commits. */
    public record MessagesWritten() {
    }

    @PostConstruct
    void init() {
        quietHours = new QuietHours(config.quietHours().start(), config.quietHours().end(),
                config.quietHours().zone().map(java.time.ZoneId::of).orElse(cn.duban.events.CountyTime.ZONE));
    }

    @Scheduled(every = "${duban.notifier.flush-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void flushDue() {
        List<String> due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> NoticeGroup.dueIds(OffsetDateTime.now(), 200));
        } catch (RuntimeException e) {
            LOG.warnf("cannot look for due groups (retrying next tick): %s", e.toString());
            return;
        }
        for (String id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> flush(id));
            } catch (RuntimeException e) {
                LOG.warnf("group %s not flushed (retrying next tick): %s", id, e.toString());
            }
        }
    }

    void flush(String groupId) {
        NoticeGroup group = NoticeGroup.lockIfFree(groupId);
        OffsetDateTime now = OffsetDateTime.now();
        if (group == null || group.nextFlushAt == null || group.nextFlushAt.isAfter(now)) {
            return; // another replica has it, or it was done meanwhile
        }
        Receiver receiver = Receiver.named(group.receiver).orElse(null);
        if (receiver == null) {
            LOG.warnf("group %s sends to receiver %s, which no longer exists; its notices wait", group.id, group.receiver);
            group.nextFlushAt = now.plus(group.groupInterval());
            return;
        }
        boolean night = config.quietHours().kinds().contains(receiver.kind.id()) && quietHours.isQuiet(time.instant());
        List<List<Matcher>> silenced = silences.activeMatchers();

        List<MessageWriter.Entry> news = new ArrayList<>();
        List<GroupMember> announced = new ArrayList<>();
        List<MessageWriter.Entry> stillOpen = new ArrayList<>();
        int held = 0;
        for (GroupMember member : GroupMember.of(group.id)) {
            Notice notice = Notice.findById(member.key.noticeId());
            TaskCard task = TaskCard.findById(notice.taskId);
            boolean fresh = notice.version > member.notifiedVersion;
            if (!fresh) {
                if (notice.kind == Notice.Kind.ALERT && notice.isOpen()) {
                    stillOpen.add(new MessageWriter.Entry(notice, task));
                }
                continue;
            }
            if (member.notifiedVersion == 0 && !notice.isOpen()) {
                member.delete(); // resolved before anyone here heard of it: nothing to say
                continue;
            }
            String holdBack = holdBack(notice, task, silenced, night);
            if (holdBack != null) {
                metrics.held(holdBack);
                held++;
                continue;
            }
            news.add(new MessageWriter.Entry(notice, task));
            announced.add(member);
        }

        if (!news.isEmpty()) {
            int alsoOpen = (int) stillOpen.stream().filter(e -> holdBack(e.notice(), e.task(), silenced, night) == null).count();
            write(receiver, group, news, false, alsoOpen);
            for (int i = 0; i < announced.size(); i++) {
                GroupMember member = announced.get(i);
                Notice notice = news.get(i).notice();
                member.notifiedVersion = notice.version;
                if (!notice.isOpen() || notice.kind == Notice.Kind.ONE_OFF) {
                    member.delete();
                }
            }
            group.lastFlushAt = now;
        } else if (group.lastFlushAt != null && !now.isBefore(group.lastFlushAt.plus(group.repeatInterval()))) {
            List<MessageWriter.Entry> repeat = stillOpen.stream()
                    .filter(e -> e.notice().state == Notice.State.OPEN && holdBack(e.notice(), e.task(), silenced, night) == null)
                    .toList();
            if (!repeat.isEmpty()) {
                write(receiver, group, repeat, true, 0);
                group.lastFlushAt = now;
            }
        }
        schedule(group, now, held, !stillOpen.isEmpty() || news.stream().anyMatch(e -> e.notice().isOpen()
                && e.notice().kind == Notice.Kind.ALERT));
    }

    /** Why a notice waits: silenced, inhibited or quiet_hours; null when it may go. */
    private String holdBack(Notice notice, TaskCard task, List<List<Matcher>> silenced, boolean night) {
        if (Silences.mutes(silenced, notice.labels(task))) {
            return "silenced";
        }
        if (notice.kind == Notice.Kind.ALERT && notice.isOpen() && !"RED".equals(notice.light)
                && Notice.openRedOn(notice.taskId)) {
            return "inhibited";
        }
        if (night && !QuietHours.breaksThrough(notice.light, notice.level)) {
            return "quiet_hours";
        }
        return null;
    }

    private void write(Receiver receiver, NoticeGroup group, List<MessageWriter.Entry> entries, boolean repeat, int alsoOpen) {
        MessageContent content = writer.write(receiver, group.groupLabels, entries, repeat, alsoOpen);
        OutboundMessage.pending(receiver.id, group.id, entries.stream().map(e -> e.notice().id).toList(), content).persist();
        metrics.message(receiver.kind.id(), "written");
        written.fire(new MessagesWritten());
    }

    /**
     * Held notices are looked at again every groupInterval (a silence ends, the morning comes, the RED resolves);
     * a group with open alerts comes back for its repeatInterval; an empty group is removed.
     */
    private static void schedule(NoticeGroup group, OffsetDateTime now, int held, boolean open) {
        if (GroupMember.count("key.groupId", group.id) == 0) {
            group.delete();
            return;
        }
        if (held > 0) {
            group.nextFlushAt = now.plus(group.groupInterval());
        } else if (open) {
            OffsetDateTime from = group.lastFlushAt == null ? now : group.lastFlushAt;
            group.nextFlushAt = from.plus(group.repeatInterval());
        } else {
            group.nextFlushAt = null;
        }
    }
}
