package cn.duban.sectorkit.service;

import cn.duban.events.Envelope;
import cn.duban.events.Sector;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskClosed;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.TaskUpdated;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.repository.SectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps this sector's assigned tasks as duban.tasks.v1 describes them; other sectors' tasks are ignored. */
@ApplicationScoped
public class TaskProjection {

    @Inject
    SectorConfig config;

    @Inject
    SectorStore store;

    /** Task events of this sector; a TaskClosed names only the task id, whose code gives the sector. */
    public boolean concerns(Envelope<?> event) {
        return Sector.ofTaskId(event.subject()).map(s -> s.id().equals(config.name())).orElse(true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Envelope<?> event) {
        if (event.data() instanceof TaskAssigned assigned) {
            upsert(assigned.task()).closed = false; // assigned (again): open for reports
        } else if (event.data() instanceof TaskUpdated updated) {
            upsert(updated.task());
        } else if (event.data() instanceof TaskClosed closed && closed.task() != null) {
            upsert(closed.task()).closed = true; // the whole task: it may be all a compacted topic has left of it
        } else if (event.data() instanceof TaskClosed closed) {
            store.task(closed.taskId()).ifPresent(task -> task.closed = true); // written before closes carried the task
        }
    }

    /** The task as stored now; a detached placeholder for another sector's task, which is not kept. */
    private AssignedTask upsert(TaskSnapshot snapshot) {
        if (!config.name().equals(snapshot.sector())) {
            return new AssignedTask();
        }
        AssignedTask task = store.task(snapshot.id()).orElse(null);
        if (task == null) {
            task = new AssignedTask();
            task.apply(snapshot);
            store.add(task);
        } else {
            task.apply(snapshot);
        }
        return task;
    }
}
