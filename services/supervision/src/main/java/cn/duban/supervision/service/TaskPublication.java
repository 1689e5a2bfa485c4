package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.task.TaskClosed;
import cn.duban.events.task.TaskUpdated;
import cn.duban.platform.messaging.KafkaClients;
import cn.duban.platform.messaging.Outbox;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.TasksTopicMark;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * Supervision is the source of truth for tasks; duban.tasks.v1 (compacted by task key) carries every task's current
 * snapshot to the sector services. When the broker loses its data — a new cluster, {@code make clean}, a restore —
 * nothing would ever send the tasks again, and a sector service starting on a new database would hold none. So
 * supervision remembers the cluster it published to and, when it finds another one, publishes every task's snapshot
 * again through the outbox (TaskUpdated, and TaskClosed for a verified task); the office can ask for the same.
 */
@ApplicationScoped
public class TaskPublication {
    private static final Logger LOG = Logger.getLogger(TaskPublication.class);
    private static final int TASKS_PER_TRANSACTION = 1000;
    private static final Set<TaskStatus> CLOSED = Set.of(TaskStatus.COMPLETED, TaskStatus.COMPLETED_LATE);

    @Inject
    Outbox outbox;

    @Inject
    ClusterJobs jobs;

    @Inject
    BusinessClock clock;

    @Inject
    Audit audit;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** The office's command: every task's snapshot onto the tasks topic again; returns how many. */
    public int republishByOffice() {
        int tasks = republish();
        QuarkusTransaction.requiringNew().run(() -> audit.byCaller("tasks.republished", null, null,
                tasks + " task snapshots onto duban.tasks.v1"));
        LOG.infof("the office had %d task snapshots published again", tasks);
        return tasks;
    }

    @Scheduled(every = "${duban.tasks-topic.check-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkTheTopicHoldsTheLedger() {
        jobs.runAlone("tasks-topic-check", this::republishIfTheTopicIsNew); // one replica publishes, not each
    }

    private void republishIfTheTopicIsNew() {
        String cluster;
        try (Admin admin = Admin.create(adminConfig())) {
            cluster = admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf("cannot ask the broker which cluster it is (%s); asking again later", e.toString());
            return;
        }
        String marked = QuarkusTransaction.requiringNew().call(() -> TasksTopicMark.<TasksTopicMark>findByIdOptional(
                TasksTopicMark.THE_ONE).map(m -> m.clusterId).orElse(null));
        if (cluster.equals(marked)) {
            return;
        }
        LOG.infof("duban.tasks.v1 is on cluster %s, the snapshots were published to %s: publishing every task again",
                cluster, marked);
        int tasks = republish();
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry.record(clock.now(), "system", "tasks.republished", null, null,
                    tasks + " task snapshots onto duban.tasks.v1 of cluster " + cluster);
            TasksTopicMark mark = TasksTopicMark.<TasksTopicMark>findByIdOptional(TasksTopicMark.THE_ONE)
                    .orElseGet(TasksTopicMark::new);
            mark.clusterId = cluster;
            mark.markedAt = clock.now();
            mark.persist();
        });
        LOG.infof("%d task snapshots published to cluster %s", tasks, cluster);
    }

    private int republish() {
        int published = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Task> chunk = QuarkusTransaction.requiringNew().call(() -> publishAfter(from));
            if (chunk.isEmpty()) {
                break;
            }
            published += chunk.size();
            after = chunk.get(chunk.size() - 1).id;
        }
        return published;
    }

    private List<Task> publishAfter(String id) {
        List<Task> tasks = Task.<Task>find("id > ?1 order by id", id).page(0, TASKS_PER_TRANSACTION).list();
        OffsetDateTime at = clock.now();
        Map<String, CompletionClaim> claims = CompletionClaim.standingOf(tasks.stream().map(t -> t.id).toList());
        for (Task task : tasks) {
            outbox.publish(Envelope.of(LedgerImport.SERVICE, "system", at, new TaskUpdated(task.toSnapshot(), "republished")));
            CompletionClaim claim = claims.get(task.id);
            if (CLOSED.contains(task.status) && claim != null && claim.decision.decidedAt != null) {
                outbox.publish(Envelope.of(LedgerImport.SERVICE, "system", at,
                        new TaskClosed(task.id, task.status.name(), claim.decision.decidedAt.toLocalDate(), task.toSnapshot())));
            }
        }
        return tasks;
    }

    /** The connection settings every Kafka client of this service uses (bootstrap servers, authentication). */
    private Map<String, Object> adminConfig() {
        Map<String, Object> config = KafkaClients.adminConfig(kafka);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }
}
