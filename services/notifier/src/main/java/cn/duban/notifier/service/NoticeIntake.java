package cn.duban.notifier.service;

import cn.duban.events.Envelope;
import cn.duban.events.Sector;
import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.events.alert.ReminderSent;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskClosed;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.TaskUpdated;
import cn.duban.notifier.repository.GroupMember;
import cn.duban.notifier.repository.Notice;
import cn.duban.notifier.repository.NoticeGroup;
import cn.duban.notifier.repository.TaskCard;
import cn.duban.notifier.routing.RoutingTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What the consumers do with each event, in the consumer's transaction: task events keep the task cards; alert events
 * update the notice and put it in the aggregation group of every route it now takes (and keep it in the groups that
 * already announced it, so everyone alerted hears how it ends). Groups are sent later by {@link GroupFlusher}.
 */
@ApplicationScoped
public class NoticeIntake {
    private static final Logger LOG = Logger.getLogger(NoticeIntake.class);
    private static final Set<String> RED_RULES = Set.of("OVERDUE", "MILESTONE_OVERDUE", "CEILING_EXCEEDED");

    @Inject
    Routes routes;

    @Inject
    BusinessTime time;

    @Inject
    NotifierMetrics metrics;

    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptTasks(List<Envelope<?>> events) {
        for (Envelope<?> event : events) {
            if (event.data() instanceof TaskAssigned assigned) {
                card(assigned.task());
            } else if (event.data() instanceof TaskUpdated updated) {
                card(updated.task());
            } else if (event.data() instanceof TaskClosed closed) {
                if (closed.task() != null) {
                    card(closed.task()); // the whole task: it may be all a compacted topic has left of it
                }
                TaskCard card = TaskCard.findById(closed.taskId());
                if (card != null) {
                    card.closed = true;
                    card.updatedAt = OffsetDateTime.now();
                }
            }
        }
    }

    /** A poll's alert events, the newest of them published at wall time {@code publishedAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptAlerts(List<Envelope<?>> events, Instant publishedAt) {
        Optional<RoutingTree> tree = routes.current();
        OffsetDateTime latest = null;
        for (Envelope<?> event : events) {
            Notice notice = apply(event);
            if (notice == null) {
                continue;
            }
            latest = latest == null || event.time().isAfter(latest) ? event.time() : latest;
            route(notice, tree);
        }
        if (latest != null) {
            time.observe(latest, publishedAt);
        }
    }

    private Notice apply(Envelope<?> event) {
        OffsetDateTime at = event.time();
        if (event.data() instanceof AlertRaised raised) {
            Notice found = Notice.findById(raised.alertId());
            Notice notice = found == null ? new Notice() : found;
            notice.id = raised.alertId();
            notice.kind = Notice.Kind.ALERT;
            notice.taskId = raised.taskId();
            notice.sector = sectorOf(raised.taskId());
            notice.units = raised.units();
            notice.light = raised.light();
            notice.rule = raised.rule();
            notice.milestone = raised.milestone();
            notice.level = Math.max(1, raised.escalationLevel());
            notice.state = Notice.State.OPEN;
            notice.inhibited = raised.inhibited();
            notice.reason = raised.reason();
            notice.raisedAt = raised.raisedAt();
            changed(notice, Notice.Change.RAISED, at);
            if (found == null) {
                notice.persist();
            }
            return notice;
        }
        if (event.data() instanceof AlertEscalated escalated) {
            Notice notice = known(escalated.alertId(), escalated.taskId(), escalated.rule(), at);
            notice.level = escalated.escalationLevel();
            notice.escalatedTo = escalated.escalatedTo();
            return changed(notice, Notice.Change.ESCALATED, at);
        }
        if (event.data() instanceof AlertAcknowledged acknowledged) {
            Notice notice = known(acknowledged.alertId(), acknowledged.taskId(), null, at);
            if (notice.state == Notice.State.RESOLVED) {
                return null;
            }
            notice.state = Notice.State.ACKNOWLEDGED;
            notice.acknowledgedBy = acknowledged.acknowledgedBy();
            return changed(notice, Notice.Change.ACKNOWLEDGED, at);
        }
        if (event.data() instanceof AlertResolved resolved) {
            Notice notice = known(resolved.alertId(), resolved.taskId(), resolved.rule(), at);
            notice.state = Notice.State.RESOLVED;
            notice.message = resolved.reason();
            return changed(notice, Notice.Change.RESOLVED, at);
        }
        if (event.data() instanceof ReminderSent reminder) {
            if (reminder.alertId() != null) {
                Notice notice = known(reminder.alertId(), reminder.taskId(), null, at);
                if (notice.state == Notice.State.RESOLVED) {
                    return null;
                }
                notice.message = reminder.message();
                return changed(notice, Notice.Change.REMINDED, at);
            }
            Notice notice = new Notice();
            notice.id = reminder.reminderId();
            notice.kind = Notice.Kind.ONE_OFF;
            notice.taskId = reminder.taskId();
            notice.sector = sectorOf(reminder.taskId());
            notice.units = reminder.units();
            notice.state = Notice.State.OPEN;
            notice.message = reminder.message();
            notice.acknowledgedBy = null;
            notice.escalatedTo = reminder.sentBy();
            notice.raisedAt = reminder.sentAt();
            changed(notice, Notice.Change.REMINDED, at);
            notice.persist();
            return notice;
        }
        return null;
    }

    /** The notice of an alert; one whose raise this notifier never saw (it started later) is made from what is known. */
    private Notice known(String alertId, String taskId, String rule, OffsetDateTime at) {
        Notice notice = Notice.findById(alertId);
        if (notice != null) {
            return notice;
        }
        notice = new Notice();
        notice.id = alertId;
        notice.kind = Notice.Kind.ALERT;
        notice.taskId = taskId;
        notice.sector = sectorOf(taskId);
        TaskCard card = TaskCard.findById(taskId);
        notice.units = card == null ? List.of() : units(card);
        notice.rule = rule;
        notice.light = rule == null ? null : RED_RULES.contains(rule) ? "RED" : "YELLOW";
        notice.state = Notice.State.OPEN;
        notice.raisedAt = at;
        notice.lastChange = Notice.Change.RAISED;
        notice.changedAt = at;
        notice.receivedAt = OffsetDateTime.now();
        notice.persist();
        return notice;
    }

    private static Notice changed(Notice notice, Notice.Change change, OffsetDateTime at) {
        notice.lastChange = change;
        notice.changedAt = at;
        notice.version++;
        notice.receivedAt = OffsetDateTime.now();
        return notice;
    }

    /**
     * Puts the notice in the group of every route it takes now, and wakes every group it is in. A resolve joins no
     * new group: nobody who never heard of the alert needs to hear it ended.
     */
    private void route(Notice notice, Optional<RoutingTree> tree) {
        OffsetDateTime now = OffsetDateTime.now();
        if (tree.isPresent() && notice.lastChange != Notice.Change.RESOLVED) {
            TaskCard card = TaskCard.findById(notice.taskId);
            for (RoutingTree.Destination destination : tree.get().route(notice.labels(card))) {
                String groupId = groupId(destination, destination.groupKey(notice.labels(card)));
                // Locked: the flusher deletes a group it finds empty, and a member added to it meanwhile would
                // break the batch (group_member's foreign key). It skips locked groups; a deleted one reads as none.
                NoticeGroup group = NoticeGroup.findById(groupId, LockModeType.PESSIMISTIC_WRITE);
                if (group == null) {
                    group = new NoticeGroup();
                    group.id = groupId;
                    group.routePath = destination.routePath().isEmpty() ? "root" : destination.routePath();
                    group.receiver = destination.receiver();
                    group.groupLabels = destination.groupKey(notice.labels(card));
                    group.groupWaitMs = destination.groupWait().toMillis();
                    group.groupIntervalMs = destination.groupInterval().toMillis();
                    group.repeatIntervalMs = destination.repeatInterval().toMillis();
                    group.createdAt = now;
                    group.nextFlushAt = now.plus(destination.groupWait());
                    group.persist();
                }
                GroupMember.Key key = new GroupMember.Key(groupId, notice.id);
                if (GroupMember.findById(key) == null) {
                    GroupMember member = new GroupMember();
                    member.key = key;
                    member.persist();
                }
            }
        }
        List<NoticeGroup> groups = NoticeGroup.holdingForUpdate(notice.id);
        if (groups.isEmpty()) {
            metrics.unrouted();
            LOG.debugf("notice %s (%s) takes no route", notice.id, notice.lastChange);
        }
        for (NoticeGroup group : groups) {
            wake(group, now);
        }
    }

    /** A group with news is looked at after its groupWait (new) or at its next groupInterval tick (sent before). */
    static void wake(NoticeGroup group, OffsetDateTime now) {
        OffsetDateTime due = group.lastFlushAt == null ? group.createdAt.plus(Duration.ofMillis(group.groupWaitMs))
                : latest(now, group.lastFlushAt.plus(group.groupInterval()));
        if (group.nextFlushAt == null || due.isBefore(group.nextFlushAt)) {
            group.nextFlushAt = due;
        }
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private void card(TaskSnapshot task) {
        TaskCard card = TaskCard.findById(task.id());
        boolean fresh = card == null;
        if (fresh) {
            card = new TaskCard();
            card.taskId = task.id();
        }
        card.sector = task.sector();
        card.title = task.title();
        card.leadUnit = task.leadUnit();
        card.coUnits = task.coUnits();
        card.leader = task.leader();
        card.deadline = task.deadline();
        card.milestones = task.milestones();
        card.closed = false;
        card.updatedAt = OffsetDateTime.now();
        if (fresh) {
            card.persist();
        }
    }

    private static List<String> units(TaskCard card) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(card.leadUnit), card.coUnits.stream()).toList();
    }

    private static String sectorOf(String taskId) {
        return Sector.ofTaskId(taskId).map(Sector::id).orElse(null);
    }

    static String groupId(RoutingTree.Destination destination, List<String> key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((destination.routePath() + "\n" + destination.receiver() + "\n" + String.join("\n", key))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
