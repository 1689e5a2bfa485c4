package cn.duban.sectorkit.repository;

import cn.duban.sectorkit.domain.PaperKind;
import cn.duban.sectorkit.domain.PaperState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a sector service's tables. Plain JPA rather than Panache's active record: Panache
 * enhances entities of the application only, and these live in the shared kit.
 */
@ApplicationScoped
public class SectorStore {

    @Inject
    EntityManager em;

    public Optional<AssignedTask> task(String id) {
        return Optional.ofNullable(em.find(AssignedTask.class, id));
    }

    public long taskCount() {
        return em.createQuery("select count(t) from AssignedTask t", Long.class).getSingleResult();
    }

    /** Tasks a unit answers for, as lead or co-unit; all of the sector's tasks when {@code unit} is null. */
    public List<AssignedTask> tasksOf(String unit) {
        if (unit == null) {
            return em.createQuery("from AssignedTask order by id", AssignedTask.class).getResultList();
        }
        @SuppressWarnings("unchecked")
        List<AssignedTask> tasks = em.createNativeQuery("""
                select * from assigned_task
                where lead_unit = :unit or co_units @> jsonb_build_array(cast(:unit as text)) order by id""",
                AssignedTask.class).setParameter("unit", unit).getResultList();
        return tasks;
    }

    public Optional<Submission> submission(String id) {
        return Optional.ofNullable(em.find(Submission.class, id));
    }

    /** A task's newest submission of one kind (one row read through submission_task_idx, however many came before). */
    public Optional<Submission> latestSubmission(String taskId, String kind) {
        return em.createQuery("from Submission where taskId = ?1 and kind = ?2 order by createdAt desc", Submission.class)
                .setParameter(1, taskId).setParameter(2, kind).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<IdempotencyKey> idempotencyKey(String key) {
        return Optional.ofNullable(em.find(IdempotencyKey.class, key));
    }

    public Optional<InboxPaper> paper(PaperKind kind, String reference) {
        return Optional.ofNullable(em.find(InboxPaper.class, InboxPaper.idOf(kind, reference)));
    }

    /** Notices and instructions not answered yet, oldest first. */
    public List<InboxPaper> openPapers() {
        return em.createQuery("from InboxPaper where state <> ?1 order by issuedAt", InboxPaper.class)
                .setParameter(1, PaperState.ANSWERED).getResultList();
    }

    public Optional<InboxAlert> alert(String alertId) {
        return Optional.ofNullable(em.find(InboxAlert.class, alertId));
    }

    /** Unresolved alerts, of one task or of all, oldest first. */
    public List<InboxAlert> openAlerts(String taskId) {
        if (taskId == null) {
            return em.createQuery("from InboxAlert where state <> cn.duban.sectorkit.domain.AlertState.RESOLVED order by raisedAt", InboxAlert.class)
                    .getResultList();
        }
        return em.createQuery("from InboxAlert where state <> cn.duban.sectorkit.domain.AlertState.RESOLVED and taskId = ?1 order by raisedAt",
                InboxAlert.class).setParameter(1, taskId).getResultList();
    }

    public Optional<Evidence> evidence(String id) {
        return Optional.ofNullable(em.find(Evidence.class, id));
    }

    /** The evidence with this content on this task, if it was uploaded before. */
    public Optional<Evidence> evidence(String taskId, String sha256) {
        return em.createQuery("from Evidence where taskId = ?1 and sha256 = ?2", Evidence.class)
                .setParameter(1, taskId).setParameter(2, sha256).getResultStream().findFirst();
    }

    /** A task's evidence, oldest first. */
    public List<Evidence> evidenceOfTask(String taskId) {
        return em.createQuery("from Evidence where taskId = ?1 order by uploadedAt, id", Evidence.class)
                .setParameter(1, taskId).getResultList();
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    /** Writes now, so that a unique key held by a concurrent transaction blocks or fails here. */
    public void addNow(Object entity) {
        em.persist(entity);
        em.flush();
    }
}
