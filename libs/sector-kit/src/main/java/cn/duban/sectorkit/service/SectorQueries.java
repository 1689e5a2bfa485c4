package cn.duban.sectorkit.service;

import cn.duban.platform.rest.DubanException;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.repository.InboxAlert;
import cn.duban.sectorkit.repository.SectorStore;
import cn.duban.sectorkit.view.InboxView.AlertItem;
import cn.duban.sectorkit.view.InboxView.AlertList;
import cn.duban.sectorkit.view.InboxView.PaperItem;
import cn.duban.sectorkit.view.InboxView.TaskItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a caller may read in this sector service: tasks with their lights and open alerts, and unanswered papers. */
@ApplicationScoped
public class SectorQueries {

    @Inject
    SectorConfig config;

    @Inject
    SectorStore store;

    @Inject
    SectorAccess access;

    /** The sector's tasks; with {@code unit}, those it leads or co-leads (a unit reporter sees its own unit's only). */
    public List<TaskItem> tasks(String unit) {
        access.checkReadsHere();
        Map<String, List<InboxAlert>> open = store.openAlerts(null).stream()
                .collect(Collectors.groupingBy(a -> a.taskId));
        return store.tasksOf(access.unitFilter(unit)).stream()
                .map(t -> item(t, open.getOrDefault(t.id, List.of()))).toList();
    }

    public TaskItem task(String id) {
        access.checkReadsHere();
        AssignedTask task = store.task(id).orElseThrow(
                () -> DubanException.notFound("%s 没有交办任务 %s", "no task %2$s is assigned in %1$s", config.name(), id));
        access.checkMayRead(task);
        return item(task, store.openAlerts(id));
    }

    /** Open alerts and unanswered papers; with {@code unit}, those that concern that unit. */
    public AlertList alerts(String unit) {
        access.checkReadsHere();
        String only = access.unitFilter(unit);
        List<AlertItem> items = store.openAlerts(null).stream()
                .filter(a -> only == null || a.units.contains(only)).map(AlertItem::of).toList();
        List<PaperItem> papers = store.openPapers().stream().filter(p -> only == null || p.units.contains(only))
                .map(PaperItem::of).toList();
        return new AlertList(items, items.size(), papers);
    }

    private static TaskItem item(AssignedTask task, List<InboxAlert> open) {
        return TaskItem.of(task, AlertInbox.light(open), open);
    }
}
