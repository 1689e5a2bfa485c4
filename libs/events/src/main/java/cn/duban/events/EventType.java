package cn.duban.events;

import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.events.alert.ReminderSent;
import cn.duban.events.bulletin.BulletinIssued;
import cn.duban.events.instruction.InstructionAcknowledged;
import cn.duban.events.instruction.InstructionAnswered;
import cn.duban.events.instruction.InstructionIssued;
import cn.duban.events.instruction.InstructionOverdue;
import cn.duban.events.notice.NoticeIssued;
import cn.duban.events.notice.NoticeOverdue;
import cn.duban.events.notice.NoticeReceived;
import cn.duban.events.notice.NoticeReplied;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskClosed;
import cn.duban.events.task.TaskUpdated;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event Duban publishes: its channel, its CloudEvents {@code type} and its payload class. The schema
 * version is the type's suffix; a breaking change gets a new type (and topic), never an edit of this one.
 */
public enum EventType {
    TASK_ASSIGNED(Topics.TASKS, "TaskAssigned", TaskAssigned.class),
    TASK_UPDATED(Topics.TASKS, "TaskUpdated", TaskUpdated.class),
    TASK_CLOSED(Topics.TASKS, "TaskClosed", TaskClosed.class),
    PROGRESS_REPORTED(Topics.PROGRESS_CHANNEL, "ProgressReported", ProgressReported.class),
    ASSIGNMENT_ACKNOWLEDGED(Topics.PROGRESS_CHANNEL, "AssignmentAcknowledged", AssignmentAcknowledged.class),
    EXTENSION_REQUESTED(Topics.PROGRESS_CHANNEL, "ExtensionRequested", ExtensionRequested.class),
    COMPLETION_CLAIMED(Topics.PROGRESS_CHANNEL, "CompletionClaimed", CompletionClaimed.class),
    ALERT_RAISED(Topics.ALERTS, "AlertRaised", AlertRaised.class),
    ALERT_ESCALATED(Topics.ALERTS, "AlertEscalated", AlertEscalated.class),
    ALERT_ACKNOWLEDGED(Topics.ALERTS, "AlertAcknowledged", AlertAcknowledged.class),
    ALERT_RESOLVED(Topics.ALERTS, "AlertResolved", AlertResolved.class),
    REMINDER_SENT(Topics.ALERTS, "ReminderSent", ReminderSent.class),
    // Leaders' papers (docs/papers.md): added to duban.alerts.v1; consumers skip the types they do not know.
    NOTICE_ISSUED(Topics.ALERTS, "NoticeIssued", NoticeIssued.class),
    NOTICE_RECEIVED(Topics.ALERTS, "NoticeReceived", NoticeReceived.class),
    NOTICE_REPLIED(Topics.ALERTS, "NoticeReplied", NoticeReplied.class),
    NOTICE_OVERDUE(Topics.ALERTS, "NoticeOverdue", NoticeOverdue.class),
    INSTRUCTION_ISSUED(Topics.ALERTS, "InstructionIssued", InstructionIssued.class),
    INSTRUCTION_ACKNOWLEDGED(Topics.ALERTS, "InstructionAcknowledged", InstructionAcknowledged.class),
    INSTRUCTION_ANSWERED(Topics.ALERTS, "InstructionAnswered", InstructionAnswered.class),
    INSTRUCTION_OVERDUE(Topics.ALERTS, "InstructionOverdue", InstructionOverdue.class),
    BULLETIN_ISSUED(Topics.ALERTS, "BulletinIssued", BulletinIssued.class);

    public static final int SCHEMA_VERSION = 1;

    private final String channel;
    private final String ceType;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String channel, String name, Class<? extends EventPayload> payloadClass) {
        this.channel = channel;
        this.ceType = "duban." + name + ".v" + SCHEMA_VERSION;
        this.payloadClass = payloadClass;
    }

    /** The channel as docs/asyncapi.yaml names it: a topic, or {@code duban.progress.{sector}.v1} for progress. */
    public String channel() {
        return channel;
    }

    /** The topic an event of this type about {@code taskId} goes to: progress goes to the task's sector's topic. */
    public String topic(String taskId) {
        if (!channel.equals(Topics.PROGRESS_CHANNEL)) {
            return channel;
        }
        return Topics.progress(Sector.ofTaskId(taskId).orElseThrow(() -> new IllegalArgumentException(
                "task id " + taskId + " names no sector, so " + ceType + " has no topic")));
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code duban.ProgressReported.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadClass == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Duban event: " + payload.getClass()));
    }
}
