package cn.duban.supervision.service;

import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who may act on a task's papers (docs/security.md): the office issues notices, leaders write instructions, and
 * the units answering for the task — or named by the instruction — receive and answer them; the office may record a
 * reply that came on paper. Reading follows the task ({@link SupervisionAccess#checkMayRead}).
 */
@RequestScoped
public class PaperAccess {

    @Inject
    Caller caller;

    @Inject
    SupervisionAccess access;

    /** The task whose papers the caller reads: a 404 when the ledger has none, a 403 when it is not the caller's. */
    public Task readable(String taskId) {
        Task task = Tasks.existing(taskId);
        access.checkMayRead(task);
        return task;
    }

    public String actor() {
        return caller.name();
    }

    /** The leader's post from the token, written on the instruction (分管工业工作的副县长). */
    public String post() {
        return caller.post().orElse(null);
    }

    /** The unit replying: the caller's own, or the lead unit when the office records a reply for it. */
    public String replyingUnit(Task task) {
        return caller.unit().orElse(caller.is(Roles.SUPERVISOR) ? task.leadUnit : null);
    }

    /**
     * The task whose paper the caller answers (签收, 回执, 办理结果): readable as {@link #readable}, and the caller answers
     * for the task or is among {@code alsoNamed}, asked only once the task is readable.
     */
    public Task answerable(String taskId, Supplier<Collection<String>> alsoNamed) {
        Task task = readable(taskId);
        checkMayAnswer(task, alsoNamed.get());
        return task;
    }

    private void checkMayAnswer(Task task, Collection<String> alsoNamed) {
        if (caller.is(Roles.SUPERVISOR)) {
            return;
        }
        List<String> units = new ArrayList<>(alsoNamed);
        units.addAll(task.units());
        caller.checkAnswersFor(task.id, task.sector, units);
    }
}
