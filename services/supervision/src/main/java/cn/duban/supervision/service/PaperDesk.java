package cn.duban.supervision.service;

import cn.duban.events.EventPayload;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.Paper;
import cn.duban.supervision.repository.Task;
import cn.duban.text.Text;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The trail a task's papers share (docs/papers.md): a 督办通知单 or a 领导批示 is found on its task, received (签收)
 * once and answered once, each step published and audited and the answer announced on the live streams as alerts
 * are. A desk names its paper ({@link Kind}) and the events it publishes; the paper moves its own states. Who may
 * read and answer is {@link PaperAccess}'s to say; the API gets each paper as its view {@code V}.
 */
public abstract class PaperDesk<P extends Paper, V> {

    /**
     * A kind of paper: how it is found and named, in messages, in the audit trail and on the live streams.
     *
     * @param answerVerb the answer's verb (办结, 回执), as the audit and a refused second answer say it
     * @param lookup the task's paper by id, if it has one; {@code ofTask} all of them, oldest first
     * @param gist what the audit names of a receipt: an instruction's text, a notice's 文号
     * @param answeredEvent what the live streams call an answer (InstructionAnswered, NoticeReplied)
     * @param view the paper as the API shows it
     */
    record Kind<P, V>(Text name, Text answerVerb, BiFunction<String, String, Optional<P>> lookup,
            Function<String, List<P>> ofTask, Function<P, String> gist, String receivedAction, String answeredAction,
            String answeredEvent, Function<P, V> view) {
    }

    @Inject
    SupervisionEvents events;

    @Inject
    BusinessClock clock;

    @Inject
    PaperAccess paperAccess;

    private final Kind<P, V> kind;

    PaperDesk(Kind<P, V> kind) {
        this.kind = kind;
    }

    /** The task's paper {@code id} (an instruction's id, a notice's number such as 2022-7), or a 404 naming it. */
    P find(String taskId, String id) {
        return kind.lookup().apply(taskId, id).orElseThrow(() -> DubanException.notFound("任务 %s 没有%s %s",
                "task %s has no %s %s", taskId, kind.name(), id));
    }

    /** The task's papers, oldest first, for a caller who may read the task ({@link PaperAccess#readable}). */
    public List<V> ofTask(String taskId) {
        Task task = paperAccess.readable(taskId);
        return kind.ofTask().apply(task.id).stream().map(kind.view()).toList();
    }

    /** One paper of the task, for a caller who may read the task. */
    public V view(String taskId, String id) {
        paperAccess.readable(taskId);
        return kind.view().apply(find(taskId, id));
    }

    /** 签收: a receipt that counts is published and audited; one that does not changes nothing. */
    V recordReceipt(String taskId, String id, String actor, Function<OffsetDateTime, EventPayload> event) {
        P paper = find(taskId, id);
        OffsetDateTime now = clock.now();
        if (paper.receive(actor, now)) {
            events.publish(actor, now, event.apply(now));
            AuditEntry.record(now, actor, kind.receivedAction(), taskId, id, kind.gist().apply(paper));
        }
        return kind.view().apply(paper);
    }

    /**
     * The units' answer, once (a second is refused with the date of the first): published, audited as late or not,
     * and announced with {@code message}. {@code event} is given whether it came late and when.
     */
    V recordAnswer(String taskId, String id, String text, String actor, Function<P, String> message,
            BiFunction<Boolean, OffsetDateTime, EventPayload> event) {
        P paper = find(taskId, id);
        // answered on the trail exactly when in the answered state (ANSWERED, REPLIED): answer() sets both
        if (paper.trail().isAnswered()) {
            // numbered: Chinese says the date before the verb, English after
            throw DubanException.conflict("%1$s %2$s 已于 %3$s %4$s", "%1$s %2$s was %4$s on %3$s", kind.name(),
                    paper.label(), paper.trail().answeredAt.toLocalDate(), kind.answerVerb());
        }
        OffsetDateTime now = clock.now();
        boolean late = paper.answer(text, actor, now);
        events.publish(actor, now, event.apply(late, now));
        AuditEntry.record(now, actor, kind.answeredAction(), taskId, id,
                (late ? "逾期" : "") + kind.answerVerb().zh() + "：" + text);
        announce(kind.answeredEvent(), paper, message.apply(paper), now);
        return kind.view().apply(paper);
    }

    /** On the office's live stream and the units' (the phone app's), as alerts are. */
    abstract void announce(String event, P paper, String message, OffsetDateTime at);
}
