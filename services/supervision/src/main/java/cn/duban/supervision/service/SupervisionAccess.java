package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.platform.rest.DubanException;
import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.engine.OpenAlert;
import cn.duban.supervision.engine.AlertState;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.view.TaskFilter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may see what at supervision (docs/security.md). The office and leaders see the whole ledger; a sector
 * reporter sees its sector's tasks and alerts, a unit reporter its unit's. Office actions are role-checked on the
 * endpoints themselves; what depends on the task or alert is checked here.
 */
@RequestScoped
public class SupervisionAccess {

    @Inject
    Caller caller;

    public String actor() {
        return caller.name();
    }

    /** A task listing narrowed to what the caller may see; asking for more is refused, not silently cut. */
    public TaskFilter scoped(TaskFilter f) {
        return f.narrowedTo(sectorFilter(f.sector()), unitFilter(f.unit()));
    }

    /** The sector a sector reporter is held to; others keep what they asked. */
    public String sectorFilter(String requested) {
        if (caller.readsEverything() || !caller.is(Roles.SECTOR_REPORTER)) {
            return requested;
        }
        String own = caller.sector().orElseThrow(this::unbound);
        if (requested != null && !requested.equals(own)) {
            throw DubanException.forbidden("%s,无权查看 %s", "%s and may not see %s", caller.who(), requested);
        }
        return own;
    }

    /** The unit a unit reporter is held to; others keep what they asked. */
    public String unitFilter(String requested) {
        if (caller.readsEverything() || caller.is(Roles.SECTOR_REPORTER)) {
            return requested;
        }
        String own = caller.unit().orElseThrow(this::unbound);
        if (requested != null && !requested.equals(own)) {
            throw DubanException.forbidden("%s,无权查看 %s", "%s and may not see %s", caller.who(), requested);
        }
        return own;
    }

    public void checkMayRead(Task task) {
        caller.checkMayRead(task.id, task.sector, task.units());
    }

    public boolean mayRead(Task task) {
        return caller.mayRead(task.sector, task.units());
    }

    /**
     * The units whose responsibilities the caller may list, narrowed as tasks are: all for the office and leaders,
     * its sector's units for a sector reporter, its own unit for a unit reporter; asking for another unit is a 403.
     */
    public List<Unit> visibleUnits(String requested) {
        String unit = unitFilter(requested);
        List<Unit> units = unit == null ? Unit.listAll(Sort.by("sector").and("name"))
                : Unit.<Unit>findByIdOptional(unit).map(List::of).orElse(List.of());
        String sector = sectorFilter(null);
        if (sector == null) {
            return units;
        }
        if (requested != null && units.stream().anyMatch(u -> !sector.equals(u.sector))) {
            throw DubanException.forbidden("%s，无权查看 %s", "%s and may not see %s", caller.who(), requested);
        }
        return units.stream().filter(u -> sector.equals(u.sector)).toList();
    }

    /** Whose scorecards the caller may see: a sector (null for all) and, for a unit reporter, its own unit only. */
    public record ScorecardScope(String sector, String unit) {
    }

    /**
     * Scorecards narrowed as tasks are: the office and leaders see every unit and sector; a sector reporter its
     * sector's units and its sector; a unit reporter its own unit's card and its sector's (asking for another sector:
     * 403).
     */
    public ScorecardScope scorecardScope(String requestedSector) {
        String sector = sectorFilter(requestedSector);
        String unit = unitFilter(null);
        if (unit != null && requestedSector != null) {
            String own = Unit.<Unit>findByIdOptional(unit).map(u -> u.sector).orElse(null);
            if (!requestedSector.equals(own)) {
                throw DubanException.forbidden("%s，无权查看 %s", "%s and may not see %s", caller.who(), requestedSector);
            }
        }
        return new ScorecardScope(sector, unit);
    }

    /** Which live notices the caller's stream carries: all, its sector's, or its unit's (or the one asked for). */
    public Predicate<List<String>> noticeUnits(String requestedUnit) {
        String unit = unitFilter(requestedUnit);
        return units -> unit == null || units.contains(unit);
    }

    /** When the caller's token expires: its alert stream ends then. */
    public Optional<Instant> tokenExpiresAt() {
        return caller.tokenExpiresAt();
    }

    /** For sector reporters, notices of their own sector's tasks only. */
    public Predicate<String> noticeTasks() {
        String sector = sectorFilter(null);
        return taskId -> sector == null || Sector.ofTaskId(taskId).map(s -> s.id().equals(sector)).orElse(false);
    }

    /**
     * 确认: the office, the units answering for the task, and the leader whose post the alert was escalated to.
     * Leaders acknowledge nothing else.
     */
    public void checkMayAcknowledge(Alert alert, Task task) {
        if (!mayAcknowledgeAlertsOf(alert, task)) {
            throw DubanException.forbidden("%s 不能确认预警 %s:只有督查室、负责任务 %s 的单位,或预警升级后的责任领导(%s)可以确认",
                    "%s may not acknowledge %s: only the office, the units answering for %s, or its leader (%s) once "
                            + "escalated to them", caller.name(), alert.id, task.id, task.leader);
        }
    }

    /** Whether the page should offer 确认 on this alert: it is open and the caller may acknowledge it. */
    public boolean mayAcknowledge(Alert alert, Task task) {
        return alert.state == AlertState.OPEN && mayAcknowledgeAlertsOf(alert, task);
    }

    private boolean mayAcknowledgeAlertsOf(Alert alert, Task task) {
        if (caller.is(Roles.SUPERVISOR) || caller.answersFor(task.sector, task.units())) {
            return true;
        }
        return caller.is(Roles.LEADER) && alert.escalationLevel >= OpenAlert.LEADER_LEVEL
                && caller.post().filter(task.leader::equals).isPresent();
    }

    private DubanException unbound() {
        return DubanException.forbidden(caller.who());
    }
}
