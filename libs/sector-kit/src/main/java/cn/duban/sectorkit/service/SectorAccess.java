package cn.duban.sectorkit.service;

import cn.duban.events.Sector;
import cn.duban.platform.rest.DubanException;
import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may see and do what in this sector service (docs/security.md). The office and leaders read; a sector
 * reporter acts on its sector's tasks; a unit reporter or department system on the tasks its unit leads or
 * co-leads, and only in its own unit's name.
 */
@RequestScoped
public class SectorAccess {

    @Inject
    Caller caller;

    @Inject
    SectorConfig config;

    public String actor() {
        return caller.name();
    }

    /** Sector reporters of another sector have nothing to see here. */
    public void checkReadsHere() {
        if (!caller.readsEverything() && !caller.is(Roles.UNIT_REPORTER)
                && !config.name().equals(caller.sector().orElse(null))) {
            throw DubanException.forbidden("%s,不能使用 %s 服务", "%s, not for %s", caller.who(), config.name());
        }
    }

    /** The unit a listing is narrowed to: a unit reporter sees its own unit's tasks, and may not ask for another's. */
    public String unitFilter(String requested) {
        if (caller.readsEverything() || caller.is(Roles.SECTOR_REPORTER)) {
            return requested;
        }
        String own = caller.unit().orElseThrow(() -> DubanException.forbidden(caller.who()));
        if (requested != null && !requested.equals(own)) {
            throw DubanException.forbidden("%s,无权查看 %s 的任务", "%s and may not list %s", caller.who(), requested);
        }
        return own;
    }

    public void checkMayRead(AssignedTask task) {
        caller.checkMayRead(task.id, config.name(), task.units());
    }

    /**
     * Before the task is even looked up: a sector reporter acts only on its own sector's tasks, whichever
     * sector service it calls.
     */
    public void checkMayActOn(String taskId) {
        Sector owner = Sector.ofTaskId(taskId).orElse(null);
        if (caller.is(Roles.SECTOR_REPORTER) && !caller.is(Roles.UNIT_REPORTER) && owner != null
                && !owner.id().equals(caller.sector().orElse(null))) {
            throw DubanException.forbidden("%s,无权办理 %s 领域的任务 %s", "%s and may not act on %3$s, a task of %2$s",
                    caller.who(), owner.id(), taskId);
        }
    }

    /**
     * The unit a submission is made for. A unit reporter submits in its own unit's name only; a sector reporter, on a
     * task of its sector, in the name of one of that task's units (the lead unit by default) and of no other: naming
     * another unit is a 403, as asking a listing for more than one may see is.
     */
    public String submittingUnit(AssignedTask task, String requested) {
        caller.checkAnswersFor(task.id, config.name(), task.units());
        if (caller.is(Roles.SECTOR_REPORTER) && config.name().equals(caller.sector().orElse(null))) {
            if (requested == null || requested.isBlank()) {
                return task.leadUnit;
            }
            if (!task.involves(requested)) {
                throw DubanException.forbidden("%s，不能以 %s 的名义办理任务 %s：它既不是牵头单位，也不是配合单位",
                        "%s and may not act for %s on %s: it is neither its lead unit nor a co-unit", caller.who(),
                        requested, task.id);
            }
            return requested;
        }
        String own = caller.unit().orElseThrow();
        if (requested != null && !requested.isBlank() && !requested.equals(own)) {
            throw DubanException.forbidden("%s,不能以 %s 的名义填报", "%s and may not submit for %s", caller.who(), requested);
        }
        return own;
    }
}
