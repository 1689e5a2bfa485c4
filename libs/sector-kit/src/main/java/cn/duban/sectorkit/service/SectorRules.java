package cn.duban.sectorkit.service;

import cn.duban.platform.rest.Problem;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.rest.Requests;
import java.util.List;

/**
 * A check of a sector's own that configuration ({@code duban.sector.rules.*}) cannot express. A sector service
 * may provide any number of these as CDI beans; the kit runs them after its common and configured checks.
 */
public interface SectorRules {

    /** Problems with {@code report} on {@code task}, each naming its field; empty when the report is acceptable. */
    List<Problem.FieldError> check(AssignedTask task, Requests.Progress report);
}
