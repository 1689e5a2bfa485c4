package cn.duban.supervision.view;

import java.util.List;

/** A unit of the directory: its sector and responsible leader. */
public record UnitView(String name, String sector, String leader) {

    /** Per unit: the tasks it leads, the tasks it co-leads, and its leader (the unit × task matrix). */
    public record Responsibility(String unit, String sector, String leader, List<TaskView.Ref> leads,
            List<TaskView.Ref> coLeads) {
    }
}
