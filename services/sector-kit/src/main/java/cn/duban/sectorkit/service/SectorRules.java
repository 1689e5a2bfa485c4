package cn.duban.sectorkit.service;

import cn.duban.platform.rest.Problem;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.rest.Requests;
import java.util.List;

/**
 * What a sector checks in a progress report beyond the kit's common rules. Each sector service provides
 * exactly one implementation as a CDI bean; that class and its configuration are all a sector service holds.
 */
public interface SectorRules {

    /** Problems with {@code report} on {@code task}, each naming its field; empty when the report is acceptable. */
    List<Problem.FieldError> check(AssignedTask task, Requests.Progress report);
}
