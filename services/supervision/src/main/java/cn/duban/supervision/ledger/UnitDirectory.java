package cn.duban.supervision.ledger;

import java.util.List;

/** The unit directory (ledger/units.json): each unit, its sector and its responsible leader's role. */
public record UnitDirectory(List<Entry> units) {

    public UnitDirectory {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public record Entry(String name, String sector, String leader) {
    }
}
